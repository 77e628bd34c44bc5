"""The shape every authoring extension shares: it only registers its blocks (or inline
pattern, or tree step), each given the view state of the page being rendered."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from pymdownx.blocks import BlocksExtension


class _GivenState:
    """An extension made with the view state (`state=`) its processors are given."""

    def __init__(self, *args, state, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)


class BlockExtension(_GivenState, BlocksExtension):
    BLOCKS: tuple = ()

    def extendMarkdownBlocks(self, md, block_mgr):
        for block in self.BLOCKS:
            block_mgr.register(block, {"state": self.state})


class InlineExtension(_GivenState, Extension):
    """One inline pattern: PROCESSOR(PATTERN, md, state) at PRIORITY under NAME."""

    PROCESSOR = None
    PATTERN = ""
    NAME = ""
    PRIORITY = 0

    def extendMarkdown(self, md):
        md.inlinePatterns.register(self.PROCESSOR(self.PATTERN, md, self.state), self.NAME,
                                   self.PRIORITY)


class TreeExtension(_GivenState, Extension):
    """One tree step: PROCESSOR(md, state) at PRIORITY under NAME."""

    PROCESSOR = None
    NAME = ""
    PRIORITY = 0

    def extendMarkdown(self, md):
        md.treeprocessors.register(self.PROCESSOR(md, self.state), self.NAME, self.PRIORITY)


def remove_hidden(parent: etree.Element, block: etree.Element) -> None:
    """Take a block's element out of the page (a passage or note this reader must not see).
    pymdownx calls a block's on_end again after each nested block that closes with as many
    slashes: it is removed the first time only."""
    if any(child is block for child in parent):
        parent.remove(block)
