"""A notice floats over the top of the page: the bars and the page stay where they were, a press on the notice
(or its cross) puts it away, and so does the next press of anything else, which still does what it does."""

from tests.ui.helpers import start_demo

NOTICE = ("Results are not being recorded: the results database is locked by another program. Your game goes on.", "bad")


def _with_notice(app):
    scene = app.top
    scene.refresh()
    page = scene.view.scroll_rect
    header = [(t.id, tuple(t.rect)) for t in scene.view.targets if not t.scroll]
    scene.play.notice = NOTICE
    scene.invalidate()
    scene.refresh()
    return scene, page, header


def test_a_notice_pushes_nothing_and_is_pressed_before_the_page_it_covers(make_app):
    app = make_app()
    start_demo(app)
    scene, page, header = _with_notice(app)
    view = scene.view
    assert view.scroll_rect == page                                     # the page starts where it did
    assert [(t.id, tuple(t.rect)) for t in view.targets if not t.scroll and not t.floating] == header
    notice = view.find("notice:0")
    assert notice is not None and notice.floating and notice.rect.top >= page.top
    assert not [t for t in view.targets if not t.scroll and not t.floating and t.rect.colliderect(notice.rect)]
    assert view.hit(notice.rect.center, scene.scroll).id == "notice:0"  # over whatever it covers
    app.click("notice:0")
    assert scene.view.find("notice:0") is None and scene.play.notice == NOTICE  # put away on this screen only


def test_the_next_press_puts_the_notice_away_and_still_acts(make_app):
    app = make_app()
    start_demo(app)
    scene, _page, _header = _with_notice(app)
    app.click("option:write-strategy")
    assert scene.view.find("notice:0") is None
    assert scene.view.find("confirm").enabled                           # the option was chosen all the same
