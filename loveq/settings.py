"""Settings: read once from the environment at start-up into one typed object.

Local mode (the default) needs no variable at all: a private PostgreSQL, an RS256 issuer
and the file store all live in the data directory. Production is configuration only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


class SettingsError(ValueError):
    """A configuration value is missing or malformed."""


@dataclass(frozen=True)
class CognitoSettings:
    issuer: str
    jwks_url: str
    client_ids: tuple[str, ...]
    token_uses: tuple[str, ...]


@dataclass(frozen=True)
class DsqlSettings:
    endpoint: str
    region: str
    user: str = "admin"
    database: str = "postgres"


@dataclass(frozen=True)
class S3Settings:
    bucket: str
    region: str
    endpoint_url: str | None = None


@dataclass(frozen=True)
class CoachSettings:
    engine: str = "local"  # local | bedrock | openai
    emotion: str = "local"  # local | comprehend
    region: str | None = None
    bedrock_model_id: str | None = None
    bedrock_endpoint_url: str | None = None
    bedrock_effort: str | None = None  # low | medium | high: Anthropic's effort, None leaves the model's
    openai_base_url: str | None = None
    openai_model: str | None = None
    openai_api_key: str | None = None
    comprehend_endpoint_url: str | None = None
    max_tokens: int = 2500
    idle_timeout_seconds: float = 30.0
    total_timeout_seconds: float = 90.0
    max_per_user: int = 2
    max_total: int = 64
    # A generation's slot (counted across instances) lapses this long after its last renewal.
    lease_seconds: int = 60


@dataclass(frozen=True)
class GuardSettings:
    """What one request may cost before it is refused (see README, "Limits")."""

    max_query_cost: int = 20_000
    request_timeout_seconds: float = 30.0
    statement_timeout_seconds: float = 10.0
    max_response_bytes: int = 10_000_000
    rate_per_minute: int = 300
    rate_burst: int = 60
    # Query cost a user may spend per minute (a token bucket in cost units), and the bucket's
    # size: at least the largest document admitted, so that any admitted document can run.
    cost_per_minute: int = 40_000
    cost_burst: int = 20_000


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path(".loveq")
    host: str = "127.0.0.1"
    port: int = 8000
    database_url: str | None = None
    dsql: DsqlSettings | None = None
    cognito: CognitoSettings | None = None
    local_issuer: str = "loveq-local"
    local_audience: str = "loveq"
    local_token_ttl_seconds: int = 12 * 3600
    db_pool_min: int = 1
    db_pool_max: int = 10
    db_retry_attempts: int = 8
    # Below Aurora DSQL's 60-minute connection limit (see datastore/database.py).
    db_max_connection_age_seconds: int = 3000
    max_request_bytes: int = 1_000_000
    max_page_size: int = 100
    max_query_depth: int = 12
    s3: S3Settings | None = None
    coach: CoachSettings = field(default_factory=CoachSettings)
    raw_retention_days: int = 7
    import_max_bytes: int = 20 * 1024 * 1024
    import_max_messages: int = 200_000
    import_lease_seconds: int = 120
    cors_origins: tuple[str, ...] = ()
    graphiql: bool = True
    introspection: bool = True
    guards: GuardSettings = field(default_factory=GuardSettings)
    migrate_on_start: bool = True
    sweep_interval_seconds: int = 300
    # One instance sweeps; another takes over within this long of its death.
    sweeper_lease_seconds: int = 60
    log_level: str = "INFO"
    log_format: str = "text"  # text | json (one JSON object per line)
    log_salt: str | None = None  # keys the user hash in logs; None: a random salt per process
    service_name: str | None = None  # the metrics' Service dimension; None: no metrics are written

    @property
    def auth_mode(self) -> str:
        return "cognito" if self.cognito else "local"

    @property
    def embedded_database(self) -> bool:
        return self.database_url is None and self.dsql is None

    @property
    def local_key_path(self) -> Path:
        return self.data_dir / "keys" / "local-issuer.pem"

    @property
    def embedded_pgdata(self) -> Path:
        return self.data_dir / "pgdata"

    @property
    def local_blob_root(self) -> Path:
        return self.data_dir / "blobs"


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from exc
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, got {value}")
    return value


def _csv(raw: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (raw or "").split(",") if part.strip())


def _cognito(env: Mapping[str, str]) -> CognitoSettings | None:
    issuer = env.get("LOVEQ_COGNITO_ISSUER")
    pool_id = env.get("LOVEQ_COGNITO_USER_POOL_ID")
    if not issuer and pool_id:
        region = env.get("AWS_REGION") or pool_id.split("_", 1)[0]
        issuer = f"https://cognito-idp.{region}.amazonaws.com/{pool_id}"
    if not issuer:
        return None
    issuer = issuer.rstrip("/")
    client_ids = _csv(env.get("LOVEQ_COGNITO_CLIENT_IDS"))
    if not client_ids:
        raise SettingsError("LOVEQ_COGNITO_CLIENT_IDS is required with a Cognito issuer")
    token_uses = _csv(env.get("LOVEQ_COGNITO_TOKEN_USE", "access,id"))
    unknown = set(token_uses) - {"access", "id"}
    if unknown or not token_uses:
        raise SettingsError("LOVEQ_COGNITO_TOKEN_USE must be 'access', 'id' or 'access,id'")
    jwks_url = env.get("LOVEQ_COGNITO_JWKS_URL") or f"{issuer}/.well-known/jwks.json"
    return CognitoSettings(issuer, jwks_url, client_ids, token_uses)


def _dsql(env: Mapping[str, str]) -> DsqlSettings | None:
    endpoint = env.get("LOVEQ_DSQL_ENDPOINT")
    if not endpoint:
        return None
    region = env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")
    if not region:
        raise SettingsError("AWS_REGION is required with LOVEQ_DSQL_ENDPOINT")
    return DsqlSettings(
        endpoint=endpoint,
        region=region,
        user=env.get("LOVEQ_DSQL_USER", "admin"),
        database=env.get("LOVEQ_DSQL_DATABASE", "postgres"),
    )


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def _s3(env: Mapping[str, str]) -> S3Settings | None:
    bucket = env.get("LOVEQ_S3_BUCKET")
    if not bucket:
        return None
    region = env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")
    if not region:
        raise SettingsError("AWS_REGION is required with LOVEQ_S3_BUCKET")
    return S3Settings(bucket=bucket, region=region, endpoint_url=env.get("LOVEQ_S3_ENDPOINT_URL") or None)


def _choice(env: Mapping[str, str], name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = env.get(name) or default
    if value not in allowed:
        raise SettingsError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def _coach(env: Mapping[str, str]) -> CoachSettings:
    engine = _choice(env, "LOVEQ_ENGINE", "local", ("local", "bedrock", "openai"))
    emotion = _choice(env, "LOVEQ_EMOTION", "comprehend" if engine == "bedrock" else "local", ("local", "comprehend"))
    region = env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")
    if (engine == "bedrock" or emotion == "comprehend") and not region:
        raise SettingsError("AWS_REGION is required with LOVEQ_ENGINE=bedrock or LOVEQ_EMOTION=comprehend")
    if engine == "openai" and not (env.get("LOVEQ_OPENAI_BASE_URL") and env.get("LOVEQ_OPENAI_MODEL")):
        raise SettingsError("LOVEQ_OPENAI_BASE_URL and LOVEQ_OPENAI_MODEL are required with LOVEQ_ENGINE=openai")
    effort = env.get("LOVEQ_BEDROCK_EFFORT") or None
    if effort is not None and effort not in ("low", "medium", "high"):
        raise SettingsError(f"LOVEQ_BEDROCK_EFFORT must be one of low, medium, high, got {effort!r}")
    return CoachSettings(
        engine=engine,
        emotion=emotion,
        region=region,
        bedrock_model_id=env.get("LOVEQ_BEDROCK_MODEL_ID") or None,
        bedrock_endpoint_url=env.get("LOVEQ_BEDROCK_ENDPOINT_URL") or None,
        bedrock_effort=effort,
        openai_base_url=env.get("LOVEQ_OPENAI_BASE_URL") or None,
        openai_model=env.get("LOVEQ_OPENAI_MODEL") or None,
        openai_api_key=env.get("LOVEQ_OPENAI_API_KEY") or None,
        comprehend_endpoint_url=env.get("LOVEQ_COMPREHEND_ENDPOINT_URL") or None,
        max_tokens=_int(env, "LOVEQ_GENERATION_MAX_TOKENS", 2500, minimum=256),
        idle_timeout_seconds=_int(env, "LOVEQ_GENERATION_IDLE_TIMEOUT", 30, minimum=1),
        total_timeout_seconds=_int(env, "LOVEQ_GENERATION_TIMEOUT", 90, minimum=1),
        max_per_user=_int(env, "LOVEQ_MAX_GENERATIONS_PER_USER", 2, minimum=1),
        max_total=_int(env, "LOVEQ_MAX_GENERATIONS", 64, minimum=1),
        lease_seconds=_int(env, "LOVEQ_GENERATION_LEASE_SECONDS", 60, minimum=3),
    )


def _guards(env: Mapping[str, str]) -> GuardSettings:
    max_query_cost = _int(env, "LOVEQ_MAX_QUERY_COST", 20_000, minimum=100)
    cost_burst = _int(env, "LOVEQ_COST_BURST", max_query_cost, minimum=1)
    if cost_burst < max_query_cost:
        raise SettingsError(
            f"LOVEQ_COST_BURST ({cost_burst}) must be at least LOVEQ_MAX_QUERY_COST ({max_query_cost}):"
            " a document the cost limit admits could never run"
        )
    return GuardSettings(
        max_query_cost=max_query_cost,
        request_timeout_seconds=_int(env, "LOVEQ_REQUEST_TIMEOUT", 30, minimum=1),
        statement_timeout_seconds=_int(env, "LOVEQ_STATEMENT_TIMEOUT", 10, minimum=1),
        max_response_bytes=_int(env, "LOVEQ_MAX_RESPONSE_BYTES", 10_000_000, minimum=10_000),
        rate_per_minute=_int(env, "LOVEQ_RATE_LIMIT", 300, minimum=1),
        rate_burst=_int(env, "LOVEQ_RATE_LIMIT_BURST", 60, minimum=1),
        cost_per_minute=_int(env, "LOVEQ_COST_BUDGET", 40_000, minimum=1),
        cost_burst=cost_burst,
    )


def _max_connection_age(env: Mapping[str, str], dsql: DsqlSettings | None) -> int:
    age = _int(env, "LOVEQ_DB_MAX_CONNECTION_AGE", 3000, minimum=1)
    if dsql is not None and age >= 3600:
        # DSQL closes a connection after 60 minutes: it must be retired before that.
        raise SettingsError(f"LOVEQ_DB_MAX_CONNECTION_AGE must be below 3600 with Aurora DSQL, got {age}")
    return age


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    dsql = _dsql(env)
    cognito = _cognito(env)
    database_url = env.get("DATABASE_URL") or None
    if dsql and database_url:
        raise SettingsError("set either DATABASE_URL or LOVEQ_DSQL_ENDPOINT, not both")
    return Settings(
        data_dir=Path(env.get("LOVEQ_DATA_DIR") or ".loveq").expanduser().absolute(),
        host=env.get("LOVEQ_HOST", "127.0.0.1"),
        port=_int(env, "LOVEQ_PORT", 8000, minimum=1),
        database_url=database_url,
        dsql=dsql,
        cognito=cognito,
        local_token_ttl_seconds=_int(env, "LOVEQ_LOCAL_TOKEN_TTL", 12 * 3600, minimum=60),
        db_pool_min=_int(env, "LOVEQ_DB_POOL_MIN", 1),
        db_pool_max=_int(env, "LOVEQ_DB_POOL_MAX", 10, minimum=1),
        db_retry_attempts=_int(env, "LOVEQ_DB_RETRY_ATTEMPTS", 8, minimum=1),
        db_max_connection_age_seconds=_max_connection_age(env, dsql),
        max_request_bytes=_int(env, "LOVEQ_MAX_REQUEST_BYTES", 1_000_000, minimum=1024),
        max_page_size=_int(env, "LOVEQ_MAX_PAGE_SIZE", 100, minimum=1),
        max_query_depth=_int(env, "LOVEQ_MAX_QUERY_DEPTH", 12, minimum=2),
        s3=_s3(env),
        coach=_coach(env),
        raw_retention_days=_int(env, "LOVEQ_RAW_RETENTION_DAYS", 7, minimum=1),
        import_max_bytes=_int(env, "LOVEQ_IMPORT_MAX_BYTES", 20 * 1024 * 1024, minimum=1024),
        import_max_messages=_int(env, "LOVEQ_IMPORT_MAX_MESSAGES", 200_000, minimum=1),
        import_lease_seconds=_int(env, "LOVEQ_IMPORT_LEASE_SECONDS", 120, minimum=1),
        cors_origins=_csv(env.get("LOVEQ_CORS_ORIGINS")),
        # With Cognito (production) the schema is not shown to strangers unless asked for.
        graphiql=_flag(env, "LOVEQ_GRAPHIQL", cognito is None),
        introspection=_flag(env, "LOVEQ_INTROSPECTION", cognito is None),
        guards=_guards(env),
        # Local mode migrates at start-up; production runs `loveq migrate` as a release step.
        migrate_on_start=_flag(env, "LOVEQ_MIGRATE_ON_START", dsql is None and cognito is None),
        sweep_interval_seconds=_int(env, "LOVEQ_SWEEP_INTERVAL", 300, minimum=1),
        sweeper_lease_seconds=_int(env, "LOVEQ_SWEEPER_LEASE_SECONDS", 60, minimum=3),
        log_level=env.get("LOVEQ_LOG_LEVEL", "INFO").upper(),
        log_format=_choice(env, "LOVEQ_LOG_FORMAT", "text", ("text", "json")),
        log_salt=env.get("LOVEQ_LOG_SALT") or None,
        service_name=env.get("LOVEQ_SERVICE_NAME") or None,
    )
