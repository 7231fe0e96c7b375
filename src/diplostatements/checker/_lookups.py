"""What the checker looks up in the buckets, instead of keeping buckets for it.

Two kinds of clash are found by lookups from one side, so that gathering stores less:

- a claim implied of a predicate that is neither exclusive nor contrary can clash only with a
  negated claim of its key: it is looked up from each negated claim (:func:`implied_at`, with
  :func:`implying` saying which predicates imply which);
- CONTRARY pairs are looked up from the listed keys of one predicate of each contrary pair
  (:func:`contrary_pairs`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..rules import orient
from ._bucketing import Bucket, Buckets, Key, Raw
from ._profiles import looked_up

__all__ = ["Implier", "contrary_pairs", "implied_at", "implying"]

Implier = tuple[str, tuple[str, ...], bool]
"""A predicate that implies another: its name, the chain, and whether it is symmetric."""


def implying(found: Buckets) -> dict[str, list[Implier]]:
    """For each predicate whose implied claims are looked up: what implies it.

    Each implying predicate seen in this check, with the chain and whether it is symmetric.
    Empty when the ENTAILED rule is off.
    """
    implied_by: dict[str, list[Implier]] = {}
    if not found.entailed:
        return implied_by
    profiles = found.profiles
    for name, profile in sorted(profiles.items(), key=lambda item: item[0]):
        if profile is None:
            continue
        for chain in profile.chains:
            implied_profile = profiles.get(chain[-1])
            if implied_profile is not None and looked_up(implied_profile):
                implied_by.setdefault(chain[-1], []).append((name, chain, profile.symmetric))
    return implied_by


def implied_at(found: Buckets, key: Key, sources: list[Implier]) -> list[Raw]:
    """The implied claims with this proposition key, of a predicate that is looked up.

    They are the claims of the affirmed buckets of the predicates that imply it, with the same
    subject and object: in either orientation when either predicate is symmetric (a claim of a
    symmetric predicate implies its mirror's implications too, and a symmetric implied predicate
    has one key for both orientations).

    Args:
        found: the buckets.
        key: a proposition key that holds a negated claim.
        sources: what implies the key's predicate (:func:`implying`).
    """
    subject, name, obj = key
    implied_profile = found.profiles[name]
    assert implied_profile is not None  # only a declared predicate is implied
    affirmed = found.affirmed
    raws: list[Raw] = []
    for stated, chain, symmetric in sources:
        if symmetric:
            first, second = orient(subject, obj, symmetric=True)
            keys = [(first, stated, second)]
        else:
            keys = [(subject, stated, obj)]
            if implied_profile.symmetric and obj is not None and obj != subject:
                keys.append((obj, stated, subject))
        for stated_key in keys:
            bucket = affirmed.get(stated_key)
            if bucket is None:
                continue
            # Only stated claims: a claim implied by a third is found as that one's implication.
            items = bucket if isinstance(bucket, list) else [bucket]
            raws += [(item, name, subject, obj, chain) for item in items if isinstance(item, int)]
    return raws


# How contrary_pairs looks up the buckets of a contrary (see plans there).
_OWN, _SORTED, _BOTH = 0, 1, 2


def contrary_pairs(
    found: Buckets, contraries: Mapping[str, frozenset[str]]
) -> Iterator[tuple[Bucket, Bucket]]:
    """Each pair of affirmed buckets of contrary predicates with the same subject and object.

    A claim of a symmetric predicate stands for itself and its mirror, so its bucket meets the
    buckets of both orientations of a contrary that is not symmetric. Each pair comes once: from
    the predicate whose name sorts first.
    """
    affirmed, profiles = found.affirmed, found.profiles
    # For each predicate: the contraries to look up from it (those seen, sorting after it), each
    # with the orientations to look up: the key's own only, sorted (a symmetric contrary: both
    # orientations have one key), or both (the predicate is symmetric and the contrary is not).
    plans: dict[str, list[tuple[str, int]]] = {}
    for name, profile in profiles.items():
        if profile is not None and profile.leads:
            plans[name] = [
                (
                    other,
                    _SORTED if other_profile.symmetric else _BOTH if profile.symmetric else _OWN,
                )
                for other in sorted(contraries[name])
                if other > name and (other_profile := profiles.get(other)) is not None
            ]
    for key in found.contrary:
        subject, name, obj = key
        for other, orientations in plans[name]:
            if orientations == _OWN or obj is None or obj == subject:
                bucket = affirmed.get((subject, other, obj))
            elif orientations == _SORTED:
                bucket = affirmed.get(
                    (obj, other, subject) if obj < subject else (subject, other, obj)
                )
            else:
                bucket = affirmed.get((subject, other, obj))
                if bucket is not None:
                    yield affirmed[key], bucket
                bucket = affirmed.get((obj, other, subject))
            if bucket is not None:
                yield affirmed[key], bucket
