"""The coach on the evaluation set: pass rate per property, sentences reused across cases, and a
table of the outputs to read.

    python -m bench.coach_eval                      # the local engine on tests/ai/coach/eval_cases
    python -m bench.coach_eval --only decline_polite_after_blind_date --show
    python -m bench.coach_eval --engine openai --base-url http://127.0.0.1:11434/v1 --model qwen2.5:14b
    python -m bench.coach_eval --engine bedrock --region us-east-1 --model …   # needs AWS credentials

Any engine `ai.coach.factory.build_engine` builds can be graded the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from ai.coach.factory import build_engine
from tests.support.coach_eval import check, format_scores, reused_sentences, score
from tests.support.coach_harness import cases_in, outcome_of, run_case

CASES = "tests/ai/coach/eval_cases"


def _engine(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    options = {"region": args.region, "model_id": args.model, "endpoint_url": args.base_url}
    if args.engine == "openai":
        options["api_key"] = args.api_key
    return build_engine(args.engine, **{k: v for k, v in options.items() if v is not None})


def _show(case_id: str, outcome: dict) -> str:
    advice = outcome["advice"]
    lines = [f"== {case_id}  [{' '.join(outcome['signals'])}] {outcome['timing']}", f"   요약: {advice['summary']}",
             f"   추천: {advice['recommendation']}"]
    lines += [f"   주의: {c}" for c in advice["cautions"]]
    for reply in outcome["replies"]:
        lines.append(f"   {reply['risk']:<8} {reply['text']}")
        lines.append(f"            ↳ {reply['explanation']}")
    return "\n".join(lines)


async def main(args: argparse.Namespace) -> int:
    engine = _engine(args)
    await engine.warm_up()
    outcomes: dict[str, dict] = {}
    findings = []
    started = time.monotonic()
    try:
        for case in cases_in(args.cases, args.only):
            result, advice_first = await run_case(engine, case)
            outcome = outcome_of(result)
            outcomes[case.id] = outcome
            case_findings = check(case, outcome)
            findings += case_findings
            failed = [f for f in case_findings if not f.passed]
            if args.show or (args.failures and failed):
                print(_show(case.id, outcome))
                for finding in failed:
                    print(f"   ✗ {finding.property}[{finding.level}]: {finding.why}")
                if not advice_first:
                    print("   ✗ the advice did not come before the replies")
    finally:
        await engine.aclose()
    print(format_scores(score(findings)))
    reused = reused_sentences(outcomes)
    print(f"\ncases: {len(outcomes)}, findings failed: {sum(not f.passed for f in findings)} of {len(findings)},"
          f" sentences reused across cases: {len(reused)}, {time.monotonic() - started:.1f} s")
    for sentence, ids in list(reused.items())[: args.reused]:
        print(f"   reused: {sentence}  ← {', '.join(ids)}")
    return 0


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", default="local", choices=("local", "bedrock", "openai"))
    parser.add_argument("--model")
    parser.add_argument("--region")
    parser.add_argument("--base-url")
    parser.add_argument("--api-key")
    parser.add_argument("--cases", default=CASES)
    parser.add_argument("--only", nargs="*", default=())
    parser.add_argument("--show", action="store_true", help="print every case's outputs")
    parser.add_argument("--failures", action="store_true", help="print the outputs of failing cases")
    parser.add_argument("--reused", type=int, default=20, help="how many reused sentences to list")
    return parser.parse_args(argv)


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main(parse())))
