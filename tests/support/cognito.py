"""A Cognito user pool on moto's emulator, with a user and two app clients, and signing in.

What moto 5 issues: RS256 tokens signed by one key shared by every pool, ``iss`` the real AWS
URL, the JWKS served by moto at ``<endpoint>/<pool>/.well-known/jwks.json``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tests.support.moto_server import REGION, MotoServer

PASSWORD = "Correct-Horse-Battery-9!"
AUTH_FLOWS = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH"]


@dataclass(frozen=True)
class Pool:
    id: str
    client_id: str  # the app client Love Q accepts
    other_client_id: str  # an app client of the same pool that Love Q does not accept
    username: str
    email: str
    sub: str
    jwks_url: str

    @property
    def issuer(self) -> str:
        return f"https://cognito-idp.{REGION}.amazonaws.com/{self.id}"


@dataclass(frozen=True)
class Tokens:
    access: str
    id: str


def create_pool(moto: MotoServer, name: str) -> Pool:
    cognito = moto.client("cognito-idp")
    pool_id = cognito.create_user_pool(PoolName=name)["UserPool"]["Id"]

    def app_client(client_name: str) -> str:
        created = cognito.create_user_pool_client(
            UserPoolId=pool_id,
            ClientName=client_name,
            ExplicitAuthFlows=AUTH_FLOWS,
            ReadAttributes=["email", "email_verified"],
        )
        return created["UserPoolClient"]["ClientId"]

    username = f"user-{uuid.uuid4().hex[:8]}"
    email = f"{username}@example.com"
    cognito.admin_create_user(
        UserPoolId=pool_id,
        Username=username,
        UserAttributes=[
            {"Name": "email", "Value": email},
            {"Name": "email_verified", "Value": "true"},
        ],
        MessageAction="SUPPRESS",
    )
    cognito.admin_set_user_password(
        UserPoolId=pool_id, Username=username, Password=PASSWORD, Permanent=True
    )
    attributes = cognito.admin_get_user(UserPoolId=pool_id, Username=username)["UserAttributes"]
    return Pool(
        id=pool_id,
        client_id=app_client("loveq-web"),
        other_client_id=app_client("someone-elses-app"),
        username=username,
        email=email,
        sub=next(a["Value"] for a in attributes if a["Name"] == "sub"),
        jwks_url=f"{moto.endpoint_url}/{pool_id}/.well-known/jwks.json",
    )


def sign_in(moto: MotoServer, pool: Pool, client_id: str, *, admin: bool = True) -> Tokens:
    cognito = moto.client("cognito-idp")
    credentials = {"USERNAME": pool.username, "PASSWORD": PASSWORD}
    if admin:
        result = cognito.admin_initiate_auth(
            UserPoolId=pool.id,
            ClientId=client_id,
            AuthFlow="ADMIN_USER_PASSWORD_AUTH",
            AuthParameters=credentials,
        )
    else:
        result = cognito.initiate_auth(
            ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters=credentials
        )
    tokens = result["AuthenticationResult"]
    return Tokens(access=tokens["AccessToken"], id=tokens["IdToken"])
