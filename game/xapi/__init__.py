"""Learning records in xAPI 1.0.3: who plays (actors and groups), the statements
a play makes, the outbox sender that posts them to a Learning Record Store, and
the item analysis trainers read. No pygame here (the CLI and the tests use it).

``vocab`` (every IRI), ``actors``, ``statements``, ``config`` (endpoint, key,
secret), ``client`` (one HTTP post), ``sender`` (the background thread),
``items`` (option shares and discrimination). ``docs/xapi.md`` lists the vocabulary.
"""
