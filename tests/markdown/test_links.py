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
