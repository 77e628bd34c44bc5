from dataclasses import dataclass

from elearning.domain.tagging import for_audience, in_order


@dataclass
class Item:
    slug: str
    audiences: tuple
    order: int | None = None


def test_items_for_an_audience_by_order_then_slug_unordered_last():
    items = [Item("c", ("a",)), Item("b", ("a", "b"), 2), Item("a", ("a",), 2),
             Item("z", ("b",), 1), Item("d", ("a",), 1)]
    assert [i.slug for i in for_audience(items, "a")] == ["d", "a", "b", "c"]
    assert [i.slug for i in for_audience(items, "b")] == ["z", "b"]
    assert [i.slug for i in in_order(items)] == ["d", "z", "a", "b", "c"]
