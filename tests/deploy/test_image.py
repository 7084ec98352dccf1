"""The production image, installed and started as it runs in AWS, against local stand-ins.

Runs only when .ci/run (deploy/image/ci.sh) hands it an install of the image:

* ``LOVEQ_IMAGE``: an image built from the Dockerfile by buildah; every command runs inside it
  (``buildah run``, host network) with the image's own entrypoint, user and working directory;
* ``LOVEQ_IMAGE_PREFIX``: the virtualenv made by replaying the Dockerfile's install steps
  (deploy/image/replay.py), when no image builder can run.

Production-like settings: Cognito (moto's user pool: issuer, JWKS and app client), the database
named by DATABASE_URL (Aurora DSQL cannot run here; in the image it must be a TCP server),
S3 (moto), Bedrock and Comprehend (the wire-level stand-ins in tests/standins), GraphiQL off,
migrations as a release step (``loveq migrate``) before ``loveq serve``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support import factory
from tests.support import operations as ops
from tests.support.client import GraphQLClient
from tests.support.server import free_port
from tests.support.standins.bedrock_server import BedrockStandIn
from tests.support.standins.comprehend_server import ComprehendStandIn
from tests.support.exports import android_export
from tests.support.moto_server import REGION, MotoServer, moto_server  # noqa: F401

IMAGE = os.environ.get("LOVEQ_IMAGE")
PREFIX = os.environ.get("LOVEQ_IMAGE_PREFIX")
START_TIMEOUT = 90.0

pytestmark = pytest.mark.skipif(
    not (IMAGE or PREFIX),
    reason="needs an installed image: .ci/run builds one (deploy/image/ci.sh) and sets LOVEQ_IMAGE or LOVEQ_IMAGE_PREFIX",
)

ANSWER = (
    "<summary>주말에 만나자고 돌려 말하고 있어요.</summary><signals>INVITATION,QUESTION</signals><timing>NOW</timing>"
    "<recommendation>비어 있다고 답하고 하고 싶은 걸 말해 보세요.</recommendation><cautions></cautions>"
    "<safe>아직 계획 없어요! 지민씨는요?</safe><safe_why>가볍게 되물어요.</safe_why><safe_conf>0.8</safe_conf>"
    "<balanced>토요일 오후는 비어 있어요 ㅎㅎ</balanced><balanced_why>여지를 줘요.</balanced_why><balanced_conf>0.7</balanced_conf>"
    "<bold>그럼 토요일에 영화 볼래요?</bold><bold_why>먼저 제안해요.</bold_why><bold_conf>0.6</bold_conf>"
    '<emotion>{"sentiment":"POSITIVE","intensity":0.6,"labels":{"설렘":0.7}}</emotion>'
)


class Installed:
    """Runs the image's commands: inside the built image, or from the replayed virtualenv."""

    def __init__(self) -> None:
        self.container: str | None = None
        if IMAGE:
            config = json.loads(_run(["buildah", "inspect", "--type", "image", IMAGE]))["OCIv1"]["config"]
            self.entrypoint: list[str] = config.get("Entrypoint") or []
            assert config.get("User") not in (None, "", "root", "0"), "the image runs as a non-root user"
            self.container = _run(["buildah", "from", "--quiet", IMAGE]).strip()
        else:
            self.entrypoint = [str(Path(PREFIX, "bin", "loveq"))]  # type: ignore[arg-type]

    def command(self, args: list[str], env: dict[str, str]) -> list[str]:
        if self.container is None:
            return [*self.entrypoint, *args]
        flags = [f"--env={key}={value}" for key, value in env.items()]
        return ["buildah", "run", "--isolation=chroot", "--network=host", *flags, self.container, "--", *self.entrypoint, *args]

    def environment(self, env: dict[str, str]) -> dict[str, str]:
        # Nothing of this machine's environment leaks in (no AWS_CA_BUNDLE, no ~/.aws): the
        # variables below are all the process gets, as in a task definition.
        base = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
        return base if self.container is not None else {**base, **env}

    def close(self) -> None:
        if self.container is not None:
            subprocess.run(["buildah", "rm", self.container], capture_output=True, check=False)


def _run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout


@dataclass
class Deployment:
    url: str
    token: str
    bucket: str
    moto: MotoServer
    bedrock: BedrockStandIn
    log: Path


@pytest.fixture(scope="module")
def deployment(moto_server: MotoServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:  # noqa: F811
    dsn = os.environ.get("DATABASE_URL")
    if IMAGE and not dsn:
        pytest.fail("the image test needs DATABASE_URL (a PostgreSQL server over TCP, reachable from the image)")
    database = f"loveq_image_{uuid.uuid4().hex[:10]}"
    admin_dsn = dsn
    if admin_dsn is None:  # replayed install on the embedded server: same file system, same socket
        from loveq.embedded_pg import EmbeddedPostgres

        embedded = EmbeddedPostgres(tmp_path_factory.mktemp("pg") / "pgdata")
        admin_dsn = embedded.start()
    else:
        embedded = None
    _psql(admin_dsn, f'CREATE DATABASE "{database}"')

    pool, client_id, token = _cognito(moto_server)
    bucket = f"loveq-raw-{uuid.uuid4().hex[:8]}"
    moto_server.client("s3").create_bucket(Bucket=bucket)
    installed = Installed()
    port = free_port()
    log = tmp_path_factory.mktemp("image") / "serve.log"
    with BedrockStandIn(responder=lambda body: [ANSWER[i : i + 9] for i in range(0, len(ANSWER), 9)]) as bedrock, \
            ComprehendStandIn() as comprehend:
        env = {
            "AWS_REGION": REGION,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_EC2_METADATA_DISABLED": "true",
            "LOVEQ_HOST": "127.0.0.1",
            "LOVEQ_PORT": str(port),
            "DATABASE_URL": _with_database(admin_dsn, database),
            "LOVEQ_COGNITO_USER_POOL_ID": pool,
            "LOVEQ_COGNITO_JWKS_URL": f"{moto_server.endpoint_url}/{pool}/.well-known/jwks.json",
            "LOVEQ_COGNITO_CLIENT_IDS": client_id,
            "LOVEQ_S3_BUCKET": bucket,
            "LOVEQ_S3_ENDPOINT_URL": moto_server.endpoint_url,
            "LOVEQ_ENGINE": "bedrock",
            "LOVEQ_BEDROCK_MODEL_ID": "global.anthropic.claude-sonnet-5-5",
            "LOVEQ_BEDROCK_ENDPOINT_URL": bedrock.endpoint_url,
            "LOVEQ_COMPREHEND_ENDPOINT_URL": comprehend.endpoint_url,
            "LOVEQ_GRAPHIQL": "0",
        }
        if PREFIX:
            env["LOVEQ_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
        try:
            migrate = subprocess.run(
                installed.command(["migrate"], env), env=installed.environment(env),
                capture_output=True, text=True, timeout=120, check=False,
            )
            assert migrate.returncode == 0, migrate.stderr
            assert "migration" in migrate.stderr
            with log.open("wb") as sink:
                server = subprocess.Popen(
                    installed.command(["serve"], env), env=installed.environment(env),
                    stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
                )
                try:
                    url = f"http://127.0.0.1:{port}"
                    _wait_healthy(url, server, log)
                    yield Deployment(url, token, bucket, moto_server, bedrock, log)
                finally:
                    _stop(server)
        finally:
            installed.close()
            _psql(admin_dsn, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            if embedded is not None:
                embedded.stop()


def _cognito(moto: MotoServer) -> tuple[str, str, str]:
    cognito = moto.client("cognito-idp")
    pool = cognito.create_user_pool(PoolName=f"love-q-image-{uuid.uuid4().hex[:6]}")["UserPool"]["Id"]
    client_id = cognito.create_user_pool_client(
        UserPoolId=pool, ClientName="web", ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH"],
        ReadAttributes=["email", "email_verified"],
    )["UserPoolClient"]["ClientId"]
    username, password = f"user-{uuid.uuid4().hex[:8]}", "Correct-Horse-Battery-9!"
    cognito.admin_create_user(
        UserPoolId=pool, Username=username, MessageAction="SUPPRESS",
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}, {"Name": "email_verified", "Value": "true"}],
    )
    cognito.admin_set_user_password(UserPoolId=pool, Username=username, Password=password, Permanent=True)
    tokens = cognito.admin_initiate_auth(
        UserPoolId=pool, ClientId=client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )["AuthenticationResult"]
    return pool, client_id, tokens["AccessToken"]


def _psql(dsn: str, sql: str) -> None:
    import asyncio

    import asyncpg

    async def run() -> None:
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(run())


def _with_database(dsn: str, database: str) -> str:
    from tests.support.server import with_database

    return with_database(dsn, database)


def _wait_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"loveq serve exited with {server.returncode}:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    pytest.fail(f"loveq serve did not answer /healthz in {START_TIMEOUT:.0f}s:\n{log.read_text(errors='replace')[-4000:]}")


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def test_health_and_readiness(deployment: Deployment) -> None:
    assert httpx.get(f"{deployment.url}/healthz", timeout=5).json() == {"status": "ok"}
    assert httpx.get(f"{deployment.url}/readyz", timeout=5).json() == {"status": "ready"}


def test_graphiql_is_off_and_anonymous_calls_are_refused(deployment: Deployment) -> None:
    assert httpx.get(f"{deployment.url}/graphql", timeout=5).status_code != 200
    answer = httpx.post(f"{deployment.url}/graphql", json={"query": "{ viewer { id } }"}, timeout=5).json()
    assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_cognito_user_imports_to_s3_and_asks_bedrock(deployment: Deployment) -> None:
    client = GraphQLClient(f"{deployment.url}/graphql", deployment.token)
    assert (await client.ok(ops.VIEWER))["viewer"]["id"]
    room = await factory.room(client, (await factory.partner(client, "지민"))["id"])
    uploaded = await client.upload(
        ops.IMPORT_CHAT, {"input": {"roomId": room["id"], "file": None, "myName": "민준"}},
        path="variables.input.file", file_name="KakaoTalk_Chat.txt", content=android_export(50),
    )
    imported = uploaded.ok()["importChat"]
    assert imported["userErrors"] == [] and imported["import"]["messagesImported"] == 50
    listed = deployment.moto.client("s3").list_objects_v2(Bucket=deployment.bucket, Prefix="imports/")
    assert listed.get("KeyCount") == 1, "the raw export went to the S3 bucket"

    analysis = (await client.mutate(ops.ANALYZE_MESSAGE, {"roomId": room["id"], "message": "이번 주말에 뭐 해요?"}, "analyzeMessage"))["analysis"]
    assert len(analysis["replies"]) == 3
    assert deployment.bedrock.requests, "the reply came from the Bedrock stand-in"
    assert deployment.bedrock.requests[-1].model_id == "global.anthropic.claude-sonnet-5-5"
