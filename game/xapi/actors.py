"""Who a statement is about: a player (an xAPI Agent) or a workshop team (a Group with its members).

Pseudonymous by default: an Agent is an ``account`` on the home page the
trainer configures (``BRIDGES_LRS_HOMEPAGE`` or ``homepage`` in ``lrs.json``),
named by the player's name as typed, trimmed and in lower case, so the same
trainee is one actor on every laptop of a programme. Only a player who typed
an e-mail address and agreed on screen is identified by ``mbox`` instead
(xAPI allows one identifier an Agent). A play without a name is an account
of its own session.
"""

from __future__ import annotations

from game.store.players import EMAIL_LIKE
from game.xapi.vocab import ROOT

DEFAULT_HOMEPAGE = f"{ROOT}/players"


def account_name(name: str) -> str:
    """The account's name for a player's name: spaces collapsed, lower case (``"Maria  K"`` -> ``"maria k"``)."""
    return " ".join(name.split()).casefold()


def agent(name: str | None, homepage: str, session_id: str, email: str | None = None) -> dict:
    """A player as an xAPI Agent (``name`` None: a play without a name)."""
    if not name:
        return {"objectType": "Agent", "account": {"homePage": homepage, "name": f"anonymous-{session_id}"}}
    shown = " ".join(name.split())
    if email and EMAIL_LIKE.match(email):
        return {"objectType": "Agent", "name": shown, "mbox": f"mailto:{email.strip()}"}
    return {"objectType": "Agent", "name": shown, "account": {"homePage": homepage, "name": account_name(shown)}}


def group(team_name: str, members: list[str], homepage: str, session_id: str, team: int) -> dict:
    """A workshop team as an identified xAPI Group: an account for the team in this session, and its members."""
    found = {"objectType": "Group", "name": " ".join(team_name.split()) or f"team {team + 1}",
             "account": {"homePage": homepage, "name": f"team-{session_id}-{team}"}}
    people = [agent(m, homepage, session_id) for m in members if m and m.strip()]
    if people:
        found["member"] = people
    return found
