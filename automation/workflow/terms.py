"""Indonesian text as topic terms: Sastrawi stems, a synonym lexicon of government words, stopwords.

``terms("Data penggajian ASN")`` gives ``{"penghasilan": 2.0, "pegawai": 2.0}``: each word is
looked up in the lexicon (``automation/data/preseden_leksikon.toml``; phrases first, longest
first), otherwise reduced to its Sastrawi stem. Lexicon concepts weigh more than other words, so
a request that names the same government topic in other words still matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from rapidfuzz import fuzz, process

from ..resources import load_data

LEXICON_FILE = "preseden_leksikon.toml"
CONCEPT_WEIGHT = 2.0  # weight of a lexicon concept; any other word weighs 1
OFFICE_WEIGHT = 0.5  # weight of an office or place word ([instansi])
MAX_PHRASE = 4  # longest lexicon phrase, in words
FUZZY_MIN = 88  # rapidfuzz ratio from which a word counts as a misspelt lexicon word
FUZZY_MIN_KNOWN = 93  # ... for a word whose stem is a dictionary root ("pendidikan" is not "penyidikan")
FUZZY_MIN_LENGTH = 5  # shorter words are never taken for misspellings
WORD = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")


@dataclass(frozen=True, eq=False)
class Lexicon:
    phrases: dict[tuple[str, ...], str]  # words of a lexicon entry -> concept
    roots: dict[str, str]  # stem of a root lexicon word -> concept
    stopwords: frozenset[str]
    offices: frozenset[str] = frozenset()

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> Lexicon:
        phrases: dict[tuple[str, ...], str] = {}
        roots: dict[str, str] = {}
        for concept, words in data.get("sinonim", {}).items():
            for word in words:
                parts = tuple(WORD.findall(str(word).casefold()))
                if not parts:
                    continue
                phrases[parts] = concept
                if len(parts) == 1 and stem(parts[0]) == parts[0]:
                    roots[parts[0]] = concept
        return cls(phrases, roots, _words(data, "umum"), _words(data, "instansi"))

    def concept_of(self, word: str) -> str:
        """The concept of one word: itself, its root, or a lexicon word it misspells ("pgawai")."""
        concept = self.phrases.get((word,)) or self.roots.get(stem(word))
        if concept or len(word) < FUZZY_MIN_LENGTH or word in self.stopwords:
            return concept or ""
        cutoff = FUZZY_MIN_KNOWN if is_known(word) else FUZZY_MIN
        found = process.extractOne(word, self.single_words, scorer=fuzz.ratio, score_cutoff=cutoff)
        return self.phrases[(found[0],)] if found else ""

    @cached_property
    def single_words(self) -> list[str]:
        return sorted(p[0] for p in self.phrases if len(p) == 1 and len(p[0]) >= FUZZY_MIN_LENGTH)

    def is_concept(self, term: str) -> bool:
        return term in self.concepts

    @cached_property
    def concepts(self) -> frozenset[str]:
        return frozenset(self.phrases.values())


def _words(data: dict[str, Any], table: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in data.get(table, {}).get("kata", []))


@cache
def default_lexicon() -> Lexicon:
    return Lexicon.from_toml(load_data(LEXICON_FILE))


@cache
def _stemmer() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@cache
def _known_roots() -> frozenset[str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(StemmerFactory().get_words())


def is_known(word: str) -> bool:
    """A word whose stem is in Sastrawi's root dictionary is spelt right (never fuzzy-matched)."""
    return stem(word) in _known_roots()


@cache
def stem(word: str) -> str:
    """Sastrawi stem of one lower-case word; words with digits and hyphens are kept as they are."""
    if not word.isalpha():
        return word
    return str(_stemmer().stem(word)) or word


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def terms(text: str, lexicon: Lexicon | None = None) -> dict[str, float]:
    """Topic terms of a text with their weights (stopwords and pure numbers dropped)."""
    lex = lexicon or default_lexicon()
    found: dict[str, float] = {}
    tokens = [w for w in words(text) if not w.isdigit()]
    i = 0
    while i < len(tokens):
        concept, size = _phrase_at(tokens, i, lex)
        if concept:
            found[concept] = CONCEPT_WEIGHT
            i += size
            continue
        word = tokens[i]
        i += 1
        if word in lex.stopwords:
            continue
        if word in lex.offices:
            found.setdefault(word, OFFICE_WEIGHT)
            continue
        concept = lex.concept_of(word)
        root = stem(word)
        if concept:
            found[concept] = CONCEPT_WEIGHT
        elif root not in lex.stopwords and len(root) > 1:
            found.setdefault(root, 1.0)
    return found


def _phrase_at(tokens: list[str], i: int, lex: Lexicon) -> tuple[str, int]:
    for size in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
        concept = lex.phrases.get(tuple(tokens[i : i + size]))
        if concept:
            return concept, size
    return "", 0
