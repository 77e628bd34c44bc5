"""Material's templates compiled once per process instead of once per language build.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one build per
language: each time, every template Material renders (base.html, the nav and header
partials, ...: about 40) is compiled from source again. Under `mkdocs serve` that happens on
every rebuild. A Jinja bytecode cache shared by those environments keeps each compiled
template in memory; a template whose source changed (an edit in overrides/ while serving)
has a new checksum and is compiled again.
"""
from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates by (compile options, name and file), checked against the source."""

    def __init__(self):
        self._store: dict[tuple, tuple[str, object]] = {}

    @staticmethod
    def _key(bucket: jinja2.bccache.Bucket) -> tuple:
        environment = bucket.environment
        # What changes the compiled code besides the source: two differently configured
        # environments never share a template.
        return (bucket.key, environment.autoescape, tuple(sorted(environment.extensions)),
                environment.block_start_string, environment.variable_start_string,
                environment.trim_blocks, environment.lstrip_blocks)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self._store.get(self._key(bucket), (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[self._key(bucket)] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._store.clear()


CACHE = MemoryBytecodeCache()


def share_compiled_templates(environment: jinja2.Environment) -> jinja2.Environment:
    if environment.bytecode_cache is None:
        environment.bytecode_cache = CACHE
    return environment
