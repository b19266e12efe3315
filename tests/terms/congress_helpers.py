"""The training term's congress as the demo sets it up (demo/congress.py): its summoned list and attendance."""

from __future__ import annotations

from tests.conftest import FIXED_NOW
from tests.terms.helpers import ensure_term


def ensure_congress(store) -> int:
    """The term of tests/terms/helpers.py with the demo's congress, added the first time; the term's id."""
    from khoidesktop.demo.congress import add_demo_congress
    from khoidesktop.terms.congress import congress_of

    term_id = ensure_term(store)
    with store.session() as session, session.begin():
        if congress_of(session, term_id) is None:
            add_demo_congress(session, term_id, now=FIXED_NOW, actor="test")
    return term_id
