"""The application's IAM policy grants exactly the AWS actions the code calls.

The source of every package the project ships (pyproject.toml's package list, so a package that
moves or appears is walked too) is parsed with ``ast``:

* ``<anything>.client("service", ...)`` / ``.resource(...)`` name the AWS services in use (a
  service name that is not a literal fails the test: it could not be checked);
* every call ``<anything>.method(...)`` whose name is an operation of one of those services,
  per botocore's own service models, is an AWS API call; so are ``get_paginator("op")`` and the
  SDK's local helpers that need a permission (DSQL's auth-token generators);
* each call maps to its IAM action: ``<signing name>:<Operation>``, except where the Service
  Authorization Reference says otherwise (``ACTION_OF`` below).

Then it fails when the code calls an action AppPolicy (deploy/templates/shared.yaml) does not
grant, or AppPolicy grants an action the code never calls. Run with ``-s`` to see the table.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore import xform_name

from tests.deploy.templates import ROOT, load, resources

# Where an operation's IAM action is not "<prefix>:<Operation>".
ACTION_OF: dict[tuple[str, str], str] = {
    # ConverseStream requires bedrock:InvokeModelWithResponseStream, Converse bedrock:InvokeModel
    # (the app calls InvokeModelWithResponseStream, whose action is its own name; these stay for
    # any code that speaks Converse again):
    # https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
    ("bedrock-runtime", "ConverseStream"): "bedrock:InvokeModelWithResponseStream",
    ("bedrock-runtime", "Converse"): "bedrock:InvokeModel",
    # S3's object API authorizes as these (Service Authorization Reference, Amazon S3):
    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html (s3:GetObject),
    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html (s3:ListBucket),
    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html (s3:DeleteObject),
    # https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html (multipart: s3:PutObject)
    ("s3", "HeadObject"): "s3:GetObject",
    ("s3", "ListObjectsV2"): "s3:ListBucket",
    ("s3", "ListObjects"): "s3:ListBucket",
    ("s3", "DeleteObjects"): "s3:DeleteObject",
    # https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html
    ("s3", "ListMultipartUploads"): "s3:ListBucketMultipartUploads",
    ("s3", "CreateMultipartUpload"): "s3:PutObject",
    ("s3", "UploadPart"): "s3:PutObject",
    ("s3", "CompleteMultipartUpload"): "s3:PutObject",
    ("s3", "GetBucketLifecycleConfiguration"): "s3:GetLifecycleConfiguration",
    ("s3", "PutBucketLifecycleConfiguration"): "s3:PutLifecycleConfiguration",
}

# SDK methods that are not service operations but need a permission when their result is used.
# DSQL's tokens are signed locally; the cluster checks the action at connect time:
# https://docs.aws.amazon.com/aurora-dsql/latest/userguide/authentication-authorization.html
HELPERS: dict[tuple[str, str], str] = {
    ("dsql", "generate_db_connect_admin_auth_token"): "dsql:DbConnectAdmin",
    ("dsql", "generate_db_connect_auth_token"): "dsql:DbConnect",
    ("s3", "upload_file"): "s3:PutObject",
    ("s3", "upload_fileobj"): "s3:PutObject",
    ("s3", "download_file"): "s3:GetObject",
    ("s3", "download_fileobj"): "s3:GetObject",
    ("s3", "generate_presigned_url"): "s3:GetObject",
}

# The code chooses one of these by configuration: LOVEQ_DSQL_USER "admin" (the default, and
# what the templates deploy) connects as admin, any other role with dsql:DbConnect.
ALTERNATIVES = {"dsql:DbConnectAdmin": "dsql:DbConnect", "dsql:DbConnect": "dsql:DbConnectAdmin"}

NOT_SOURCE = {"tests", "bench", "deploy", "scripts", "docs", "build", "dist"}


@dataclass(frozen=True)
class Call:
    service: str
    operation: str
    action: str
    where: str


def source_packages() -> list[Path]:
    """pyproject.toml's package list (what the image installs), as folders of this checkout."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["packages"]["find"]["include"]
    tops = sorted({p.split(".")[0].rstrip("*") for p in patterns})
    return [ROOT / top for top in tops if (ROOT / top / "__init__.py").exists()]


def _python_files() -> list[Path]:
    return sorted(f for package in source_packages() for f in package.rglob("*.py"))


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{node.lineno}"


def _literal(node: ast.Call, position: int, keyword: str) -> ast.expr | None:
    for kw in node.keywords:
        if kw.arg == keyword:
            return kw.value
    return node.args[position] if len(node.args) > position else None


def services_used() -> dict[str, list[str]]:
    used: dict[str, list[str]] = defaultdict(list)
    dynamic: list[str] = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("client", "resource"):
                name = _literal(node, 0, "service_name")
                if isinstance(name, ast.Constant) and isinstance(name.value, str):
                    used[name.value].append(_where(path, node))
                elif name is not None:
                    dynamic.append(_where(path, node))
    assert not dynamic, f"AWS clients made from a non-literal service name cannot be checked: {dynamic}"
    return dict(used)


def aws_calls() -> list[Call]:
    session = botocore.session.get_session()
    methods: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # method -> (service, op, action)
    for service in services_used():
        model = session.get_service_model(service)
        prefix = model.metadata.get("signingName") or model.endpoint_prefix
        for operation in model.operation_names:
            methods[xform_name(operation)].append((service, operation, ACTION_OF.get((service, operation), f"{prefix}:{operation}")))
        for (helper_service, method), action in HELPERS.items():
            if helper_service == service:
                methods[method].append((service, method, action))
    calls: list[Call] = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            method = node.func.attr
            if method == "get_paginator":
                arg = _literal(node, 0, "operation_name")
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    method = arg.value
            for service, operation, action in methods.get(method, []):
                calls.append(Call(service, operation, action, _where(path, node)))
    return calls


def _statements(policy: dict[str, Any]) -> list[dict[str, Any]]:
    statements = policy["PolicyDocument"]["Statement"]
    return statements if isinstance(statements, list) else [statements]


def granted_actions() -> dict[str, list[str]]:
    """Action -> the Sids of AppPolicy's Allow statements that grant it."""
    [policy] = resources("shared.yaml", "AWS::IAM::ManagedPolicy").values()
    granted: dict[str, list[str]] = defaultdict(list)
    for statement in _statements(policy["Properties"]):
        assert statement["Effect"] == "Allow", statement
        assert "NotAction" not in statement and "NotResource" not in statement, statement
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        for action in actions:
            assert "*" not in action, f"wildcard action {action} in {statement.get('Sid')}"
            granted[action].append(statement.get("Sid", "?"))
    return dict(granted)


def _dsql_user() -> str:
    """The DSQL role the deployed service connects as (LOVEQ_DSQL_USER; default admin)."""
    users = set()
    for name in ("serverless.yaml", "container.yaml"):
        text = (ROOT / "deploy" / "templates" / name).read_text()
        found = re.findall(r"LOVEQ_DSQL_USER\W+(?:Value:\s*)?\"?([\w-]+)", text)
        users.update(found or ["admin"])
    assert len(users) == 1, f"the profiles connect as different DSQL roles: {users}"
    return users.pop()


def needed_actions() -> dict[str, list[str]]:
    needed: dict[str, list[str]] = defaultdict(list)
    for call in aws_calls():
        needed[call.action].append(f"{call.where} ({call.service} {call.operation})")
    unused_alternative = "dsql:DbConnect" if _dsql_user() == "admin" else "dsql:DbConnectAdmin"
    if unused_alternative in needed and ALTERNATIVES[unused_alternative] in needed:
        needed.pop(unused_alternative)
    return dict(needed)


def test_the_walk_covers_every_package_in_the_checkout() -> None:
    walked = {p.name for p in source_packages()}
    present = {
        p.name for p in ROOT.iterdir()
        if p.is_dir() and (p / "__init__.py").exists() and p.name not in NOT_SOURCE
    }
    assert present <= walked, f"packages not in pyproject.toml's package list (not installed, not checked): {present - walked}"
    assert {"loveq", "ai", "datastore", "blobs"} <= walked


def test_the_walk_finds_the_services_the_code_uses() -> None:
    used = services_used()
    assert {"bedrock-runtime", "comprehend", "dsql", "s3"} <= set(used), used
    assert set(used) <= {"bedrock-runtime", "comprehend", "dsql", "s3"}, (
        f"a new AWS service is called: {set(used)}; grant its actions in AppPolicy (shared.yaml)"
    )


def test_the_role_grants_every_action_the_code_calls(capsys: pytest.CaptureFixture[str]) -> None:
    needed = needed_actions()
    granted = granted_actions()
    with capsys.disabled():
        print("\nIAM actions the code calls (deploy/templates/shared.yaml AppPolicy):")
        for action in sorted(needed):
            state = "granted" if action in granted else "NOT granted"
            print(f"  {action:42} {state}")
            for where in sorted(set(needed[action])):
                print(f"      {where}")
    missing = sorted(set(needed) - set(granted))
    assert not missing, "the code calls actions the role does not grant:\n" + "\n".join(
        f"  {a}: {sorted(set(needed[a]))}" for a in missing
    )


def test_the_role_grants_nothing_the_code_does_not_call() -> None:
    extra = sorted(set(granted_actions()) - set(needed_actions()))
    assert not extra, f"granted but never called (remove them from AppPolicy): {extra}"


def test_app_does_not_manage_the_bucket_lifecycle() -> None:
    """The 7-day rule is the template's: the service needs no right over the bucket's config."""
    assert not [action for action in needed_actions() if "Lifecycle" in action]


def test_each_role_carries_the_app_policy_and_only_platform_permissions() -> None:
    serverless = resources("serverless.yaml", "AWS::IAM::Role")
    function_role = serverless["FunctionRole"]["Properties"]
    assert function_role["ManagedPolicyArns"] == [{"Fn::GetAtt": ["Shared", "Outputs.AppPolicyArn"]}]
    platform = {
        action
        for policy in function_role.get("Policies", [])
        for statement in _statements(policy)
        for action in (statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]])
    }
    assert platform == {"logs:CreateLogStream", "logs:PutLogEvents"}, platform

    container = resources("container.yaml", "AWS::IAM::Role")
    task_role = container["TaskRole"]["Properties"]
    assert task_role["ManagedPolicyArns"] == [{"Fn::GetAtt": ["Shared", "Outputs.AppPolicyArn"]}]
    assert "Policies" not in task_role
    execution = container["ExecutionRole"]["Properties"]
    assert execution["ManagedPolicyArns"] == [
        {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}
    ]
    assert "Policies" not in execution


def test_resources_are_scoped() -> None:
    [policy] = resources("shared.yaml", "AWS::IAM::ManagedPolicy").values()
    for statement in _statements(policy["Properties"]):
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        if statement["Resource"] == "*":
            # Comprehend's detect operations act on no resource; nothing else may take "*".
            assert all(a.startswith("comprehend:Detect") for a in actions), statement
    assert load("shared.yaml")["Resources"]["RawUploads"]["Properties"]["LifecycleConfiguration"]["Rules"][0]["Prefix"] == "imports/"
