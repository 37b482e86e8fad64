"""Similarity of two texts as topic-term sets: a weighted F-measure with rapidfuzz for misspellings."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .terms import Lexicon, default_lexicon, terms

FUZZY_MIN = 85  # rapidfuzz ratio from which two words count as the same word misspelt
FUZZY_MIN_LENGTH = 5  # shorter words must match exactly ("gaji" is not "bagi")
BETA = 1.0  # F-measure balance: > 1 weighs how much of the request the entry covers

Terms = dict[str, float]


def f_score(covered_query: float, covered_entry: float, beta: float = BETA) -> float:
    if covered_query <= 0 or covered_entry <= 0:
        return 0.0
    b2 = beta * beta
    return (1 + b2) * covered_query * covered_entry / (b2 * covered_entry + covered_query)


def coverage(mine: Terms, other: Terms, similar: dict[tuple[str, str], float]) -> float:
    """Share of ``mine``'s weight found in ``other`` (exactly, or misspelt: partial credit)."""
    total = sum(mine.values())
    if not total:
        return 0.0
    found = 0.0
    for term, weight in mine.items():
        if term in other:
            found += weight
            continue
        best = max((similar.get((term, o), 0.0) for o in other), default=0.0)
        found += weight * best
    return found / total


class TermScorer:
    """Scores queries against a fixed list of entry texts (terms and fuzzy pairs computed once)."""

    def __init__(self, texts: list[str], lexicon: Lexicon | None = None, beta: float = BETA) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.beta = beta
        self.entries = [terms(t, self.lexicon) for t in texts]
        self.vocabulary = sorted({t for e in self.entries for t in e if self._fuzzy(t)})
        self.index: dict[str, set[int]] = {}
        for i, entry in enumerate(self.entries):
            for term in entry:
                self.index.setdefault(term, set()).add(i)

    def _fuzzy(self, term: str) -> bool:
        return len(term) >= FUZZY_MIN_LENGTH and not self.lexicon.is_concept(term)

    def _similar(self, query: Terms) -> dict[tuple[str, str], float]:
        pairs: dict[tuple[str, str], float] = {}
        for term in query:
            if not self._fuzzy(term) or term in self.vocabulary:
                continue
            for other, score, _ in process.extract(
                term, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=None
            ):
                pairs[(term, other)] = pairs[(other, term)] = score / 100
        return pairs

    def scores(self, text: str) -> dict[int, int]:
        """Score of every entry sharing a term (or a misspelt term) with the text, by entry index."""
        query = terms(text, self.lexicon)
        similar = self._similar(query)
        shared = set(query) | {other for _term, other in similar}
        candidates = sorted({i for term in shared for i in self.index.get(term, ())})
        return {
            i: round(
                100
                * f_score(
                    coverage(query, self.entries[i], similar),
                    coverage(self.entries[i], query, similar),
                    self.beta,
                )
            )
            for i in candidates
        }

    def best(self, text: str) -> tuple[int, int] | None:
        """(index, score) of the best entry (the first of equals), or None when nothing shares a term."""
        scores = self.scores(text)
        if not scores:
            return None
        top = max(scores.values())
        return min(i for i, s in scores.items() if s == top), top


def similarity(query: str, entry: str, lexicon: Lexicon | None = None, beta: float = BETA) -> int:
    return TermScorer([entry], lexicon, beta).scores(query).get(0, 0)
