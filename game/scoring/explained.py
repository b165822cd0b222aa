"""What each policy and figure of ``analyze`` means, for ``analyze --help`` (the guide's section 11 says the same at length).

Kept apart from the analyzer so the command line can show it without loading the engine.
"""

ANALYZE_HELP = """\
The report, line by line:

Policies: players the analyzer simulates, each deterministic (same file, same numbers).
  expert            at every decision tries each answer, finishes the play with simpler
                    players, keeps the answer with the best final handbook score. Aim: 90 % or more.
  worst             the same, keeping the lowest score. Aim: 20 % or less.
  greedy            takes the answer whose declared evidence is worth most right now, without
                    looking ahead; far below the expert means a good answer pays off only later.
                    No target: it explains, it does not grade.
  random            --plays seeded random plays (default 500). Aim: mean 55 % or less.
                    sd = standard deviation; p10, median, p90 = the score 10 %, 50 %, 90 % of
                    random plays stay under; min, max = lowest and highest.
  surface tricks    players that know nothing of the handbook: first option, longest text,
                    costliest card, tone reader (the option that sounds most careful or
                    cooperative), costliest option, cheapest option, humblest card.
                    Aim: each at most the random mean + 15 points.
  Each row: handbook score %, the ending reached, goals met, answers given.

Score range: the best and worst handbook score any play can get, overall and per area of the
  handbook. "exact" when every path was played (at most 4000 paths of at most 400 answers);
  "sampled" otherwise: the best and worst of the policies' scorecards and of the first 60
  random plays (the random mean above still uses every random play).

Negotiation: for each negotiate scene, each clause's terms with the value of their evidence
  for the handbook (+ honours, - breaks), the counterpart's accepts and wants, and * on the
  term the expert signs.

Readers on single-answer scenes: a single-answer scene has exactly one best option (or one
  best set of cards). A reader picks by one surface feature (tone, length, cost, position,
  modesty); "hits of scenes" is how often that finds the best one, beside chance
  (1 in the number of options). Aim: at most chance + 10 points (over 4 or more scenes).

Thresholds: the aims above, yes or NO. Any NO, and any warning, makes analyze exit with 1.

Warnings: what to fix before a workshop (a failed aim with the scenes behind it, unreachable
  scenes, dead ends, a success ending reached with an agreement that breaks the handbook,
  the time limit cutting work short).

Notes: advice only; they never make analyze fail. Each says what would clear it (for
  example a scene where the handbook's choice is also the cheapest: make it cost something).

docs/authoring.md, section 11, explains all of this with examples.
"""
