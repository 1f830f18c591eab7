"""The language model behind :func:`plankit.restore_text`: Vietnamese syllables and their n-grams.

Three sources of knowledge, all local (nothing is downloaded):

* the rules of Vietnamese syllables (:func:`is_syllable`): an onset, a vowel group and a coda,
  with the tone rule of stop endings (-p, -t, -c, -ch take only sắc or nặng);
* the word list ``Viet74K`` that the ``underthesea`` package ships (Apache-2.0, read in place,
  never copied): it says which syllables exist and which follow each other inside a word;
* running text: the clean bundled plans and any text the user adds (:meth:`Model.add`),
  counted as syllable unigrams, bigrams and trigrams.

Every folded syllable (``fold("tuyên") == "tuyen"``) maps to the small set of real syllables
that fold to it (:attr:`Model.variants`); decoding picks one per token with the n-gram scores
(Witten-Bell interpolation: a rare context lends much of its mass to the lower order). Tone
placement is canonical: the old style of administrative documents (``hòa``, ``Ủy``, ``khỏe``),
whatever the source used.

The code lives in the :mod:`plankit.restore` package (``syllables``, ``sources``, ``lm``,
``context``); this module keeps the old import path.
"""

from __future__ import annotations

from .restore.context import context_features
from .restore.lm import Model, build_model, default_model
from .restore.sources import (
    Confusions,
    admin_text,
    bundled_texts,
    load_confusions,
    load_surnames,
    place_names,
    place_names_from_tables,
    places_text,
    read_tagged_corpus,
    register_citations,
    register_command,
    register_text,
    underthesea_corpus_path,
    underthesea_files,
    viet74k_path,
    vocabulary_from_tables,
    vocabulary_text,
)
from .restore.syllables import canonical_syllable, glued_joiner, is_syllable, lm_key, lm_tokens

__all__ = [
    "Confusions",
    "Model",
    "admin_text",
    "build_model",
    "bundled_texts",
    "canonical_syllable",
    "context_features",
    "default_model",
    "glued_joiner",
    "is_syllable",
    "lm_key",
    "lm_tokens",
    "load_confusions",
    "load_surnames",
    "place_names",
    "place_names_from_tables",
    "places_text",
    "read_tagged_corpus",
    "register_citations",
    "register_command",
    "register_text",
    "underthesea_corpus_path",
    "underthesea_files",
    "viet74k_path",
    "vocabulary_from_tables",
    "vocabulary_text",
]


if __name__ == "__main__":
    raise SystemExit(register_command())
