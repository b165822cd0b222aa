"""Phones as the teams' clickers in a workshop, over the local network (no internet).

``room``    the pure part: room code, team tokens, message models, the open decision, answer checks
``server``  the aiohttp server in its own thread, serving ``static/`` and the room
``static/`` the phone page (HTML, script, style, fonts), all served by the game itself
"""
