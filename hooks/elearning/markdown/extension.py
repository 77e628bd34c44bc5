"""The shape every authoring extension shares: it only registers its blocks (or inline
patterns), each given the view state of the page being rendered."""
from __future__ import annotations

from markdown import Extension
from pymdownx.blocks import BlocksExtension


class BlockExtension(BlocksExtension):
    BLOCKS: tuple = ()

    def __init__(self, *args, state, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):
        for block in self.BLOCKS:
            block_mgr.register(block, {"state": self.state})


class InlineExtension(Extension):
    """One inline pattern: PROCESSOR(PATTERN, md, state) at PRIORITY under NAME."""

    PROCESSOR = None
    PATTERN = ""
    NAME = ""
    PRIORITY = 0

    def __init__(self, *args, state, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def extendMarkdown(self, md):
        md.inlinePatterns.register(self.PROCESSOR(self.PATTERN, md, self.state), self.NAME,
                                   self.PRIORITY)
