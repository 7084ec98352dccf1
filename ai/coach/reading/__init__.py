"""Reading the situation before any reply, for every engine.

`read_situation(request)` looks at the partner's message in its context — the last exchanges,
who spoke last and when, the gaps, the relationship stage, the user's own words — and returns a
`Reading`: the signals with their evidence, when to answer, the register to answer in, and
notes. `advise(reading)` words the advice the user sees. The local engine composes its replies
from the reading; the model engines put it in their prompt.

- `cues`: what the words of the message say (patterns per signal, Korean dating cues).
- `conversation`: what the history says (unanswered messages, gaps, the user's register).
- `situation`: what the user said (their question, what they want).
- `read`: the signals combined in context, and the timing.
- `advice`: the advice, in Korean.
"""
