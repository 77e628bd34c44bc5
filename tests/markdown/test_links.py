from elearning.markdown.links import rebase
from elearning.markdown.view import PageView

COURSE_VIEW = PageView("en", "employers", source_uri="modules/a.md",
                       view_uri="courses/employers/a.md",
                       shown_as={"modules/b.md": "courses/employers/b.md"})


def test_link_to_a_module_in_the_same_course_stays_in_the_course():
    assert rebase("b.md#step-2", COURSE_VIEW) == "b.md#step-2"


def test_link_to_a_module_outside_the_course_goes_to_the_library():
    assert rebase("c.md", COURSE_VIEW) == "../../modules/c.md"


def test_images_and_other_relative_files_follow_the_page():
    assert rebase("../images/map.png", COURSE_VIEW) == "../../images/map.png"


def test_absolute_and_anchor_links_are_left_alone():
    for url in ("https://example.org/x", "mailto:a@b.c", "tel:152", "#top", "/x.html"):
        assert rebase(url, COURSE_VIEW) == url


# A page joining texts written in several places (the facilitator guide: the modules' cases):
# each part says where it was written on its heading, down to the next heading of its level.
GUIDE = """## Cases

### Module A { data-written-in="modules/a.md" }

See [B](b.md#step-2), [C](c.md) and ![map](../images/map.png).

#### A case

[B again](b.md)

### Module C { data-written-in="modules/c.md" }

[A](a.md)

## Decision exercises

[Results](../../trainers/results.md)
"""


def test_each_part_of_a_joined_page_is_rebased_from_where_it_was_written():
    import markdown
    from bs4 import BeautifulSoup

    from elearning.markdown import ViewState
    from elearning.markdown.links import LinkRebaseExtension
    state = ViewState()
    state.current = PageView("en", "employers", source_uri="toolkits/employers/facilitator.md",
                             view_uri="toolkits/employers/facilitator.md",
                             shown_as={"modules/b.md": "courses/employers/b.md"})
    html = BeautifulSoup(markdown.Markdown(extensions=["attr_list", LinkRebaseExtension(
        state=state)]).convert(GUIDE), "html.parser")
    links = {a.get_text(): a["href"] for a in html.select("a")}
    assert links == {"B": "../../courses/employers/b.md#step-2", "C": "../../modules/c.md",
                     "B again": "../../courses/employers/b.md", "A": "../../modules/a.md",
                     "Results": "../../trainers/results.md"}
    assert html.select_one("img")["src"] == "../../images/map.png"
    assert html.select("[data-written-in]") == []  # the mark is for the build, not the page
