"""Each caller's request rate holds across instances: AWS WAF counts at the edge (the choice and
why: deploy/templates/shared.yaml), in front of both profiles, at the figure the app's own
per-instance bucket uses."""

from __future__ import annotations

from loveq.settings import GuardSettings
from tests.deploy.templates import load, resources


def _rules() -> dict[str, dict]:
    (acl,) = resources("shared.yaml", "AWS::WAFv2::WebACL").values()
    assert acl["Properties"]["Scope"] == "REGIONAL"
    return {rule["Name"]: rule for rule in acl["Properties"]["Rules"]}


def test_a_rate_based_rule_counts_each_bearer_token_per_minute() -> None:
    rule = _rules()["per-caller"]
    statement = rule["Statement"]["RateBasedStatement"]
    assert statement["AggregateKeyType"] == "CUSTOM_KEYS"
    assert [key["Header"]["Name"] for key in statement["CustomKeys"]] == ["authorization"]
    assert statement["EvaluationWindowSec"] == 60
    assert statement["Limit"] == {"Ref": "RatePerMinute"}
    assert rule["Action"]["Block"]["CustomResponse"]["ResponseCode"] == 429
    parameter = load("shared.yaml")["Parameters"]["RatePerMinute"]
    assert parameter["Default"] == GuardSettings().rate_per_minute, "the edge and the app agree (LOVEQ_RATE_LIMIT)"


def test_callers_without_a_token_are_counted_by_address() -> None:
    """WAF leaves a request without the key's header out of a custom-key rule."""
    statement = _rules()["per-address"]["Statement"]["RateBasedStatement"]
    assert statement["AggregateKeyType"] == "IP" and statement["EvaluationWindowSec"] == 60
    assert load("shared.yaml")["Parameters"]["AddressRatePerMinute"]["Default"] > GuardSettings().rate_per_minute


def test_both_profiles_put_the_web_acl_in_front_of_their_entry_point() -> None:
    arn = {"Fn::GetAtt": ["Shared", "Outputs.RateLimitsArn"]}
    (serverless,) = resources("serverless.yaml", "AWS::WAFv2::WebACLAssociation").values()
    assert serverless["Properties"]["WebACLArn"] == arn
    target = serverless["Properties"]["ResourceArn"]["Fn::Sub"]
    assert "/restapis/${Api}/stages/${ApiStage}" in target
    (container,) = resources("container.yaml", "AWS::WAFv2::WebACLAssociation").values()
    assert container["Properties"]["WebACLArn"] == arn
    assert container["Properties"]["ResourceArn"] == {"Ref": "LoadBalancer"}
