"""Answer keys of the course tests, in a form a page can carry without showing them.

The site has no server, so the browser scores the tests. A pre-test page must not show
which options are right, in its text, its source or its data attributes. It carries, per
question, a salt and a check: a hash of the right answer (the written numbers of the right
options). The browser hashes the learner's answer the same way and compares. The final
test page also carries the right answers and each option's feedback, encoded the same way
(not readable in the source), and shows them once the learner has submitted.

This is protection against reading, not against a determined learner: with the browser's
developer tools anyone can try the few possible answers against the check, or decode the
final page's key. A test scored in the browser cannot prevent that; it is a self-assessment
and a measurement for the trainer, not an exam (docs/test-results.md).
"""
from __future__ import annotations

import base64
import hashlib

from .quizzes import Quiz

MASK = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    return (a * b) & MASK


def cyrb53(text: str, seed: int = 0) -> int:
    """The 53-bit string hash 'cyrb53' (public domain), exactly as questions.js computes it
    (ASCII text only)."""
    h1, h2 = 0xDEADBEEF ^ seed, 0x41C6CE57 ^ seed
    for character in text:
        code = ord(character)
        h1 = _imul(h1 ^ code, 2654435761)
        h2 = _imul(h2 ^ code, 1597334677)
    h1 = _imul(h1 ^ (h1 >> 16), 2246822507)
    h1 ^= _imul(h2 ^ (h2 >> 13), 3266489909)
    h2 = _imul(h2 ^ (h2 >> 16), 2246822507)
    h2 ^= _imul(h1 ^ (h1 >> 13), 3266489909)
    return 4294967296 * (2097151 & h2) + (h1 & MASK)


def salt(quiz: Quiz) -> str:
    """Stable for a question's words (builds are reproducible), different per question."""
    words = "\n".join([quiz.id, quiz.question, *(c.text for c in quiz.choices)])
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:12]


def check(quiz: Quiz) -> str:
    """The check of the right answer: what questions.js (isRight) computes for an answer."""
    right = [str(n) for n, c in enumerate(quiz.choices, start=1) if c.correct]
    return format(cyrb53(f"{salt(quiz)}:{quiz.id}:{','.join(right)}"), "x")


def encode(text: str, key: str) -> str:
    """`text` XOR-ed with `key`, in base64: unreadable in a page's source, decoded by
    questions.js (decode) after the final test is submitted."""
    return base64.b64encode(_xor(text.encode("utf-8"), key.encode("ascii"))).decode("ascii")


def decode(encoded: str, key: str) -> str:
    return _xor(base64.b64decode(encoded), key.encode("ascii")).decode("utf-8")


def _xor(data: bytes, pad: bytes) -> bytes:
    """Each byte of `data` XOR-ed with `pad` repeated, as one big-integer XOR (a final test
    page encodes about 40 KB: a byte at a time in Python was most of its rendering)."""
    repeated = (pad * (len(data) // len(pad) + 1))[:len(data)]
    return (int.from_bytes(data, "big") ^ int.from_bytes(repeated, "big")).to_bytes(len(data), "big")
