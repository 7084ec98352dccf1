# syntax=docker/dockerfile:1
# Love Q for production: settings come from the environment (Cognito, Aurora DSQL, Bedrock,
# S3); nothing is embedded. Build with deploy/deploy.sh, or by hand:
#
#   docker build --target runtime -t loveq .     # ECS / any container host (CMD: loveq serve)
#   docker build --target lambda  -t loveq .     # AWS Lambda, through the Lambda Web Adapter
#
# The whole source tree is the build context (.dockerignore keeps tests, caches and secrets
# out); deploy/image/install.sh installs it from the hashed lock file deploy/requirements.lock.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm
# The Lambda Web Adapter runs the same HTTP server under Lambda (a Lambda extension in
# /opt/extensions; inert outside Lambda). https://github.com/awslabs/aws-lambda-web-adapter
ARG LAMBDA_ADAPTER_IMAGE=public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY . .
RUN sh deploy/image/install.sh /opt/loveq

FROM ${PYTHON_IMAGE} AS runtime
RUN groupadd --system loveq && useradd --system --gid loveq --home-dir /var/lib/loveq --create-home loveq
COPY --from=build /opt/loveq /opt/loveq
ENV PATH=/opt/loveq/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    LOVEQ_HOST=0.0.0.0 \
    LOVEQ_PORT=8000 \
    LOVEQ_DATA_DIR=/var/lib/loveq \
    LOVEQ_GRAPHIQL=0
USER loveq
WORKDIR /var/lib/loveq
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"
ENTRYPOINT ["loveq"]
CMD ["serve"]

# Lambda runs the image as its own non-root user with a read-only file system but /tmp
# (the template sets LOVEQ_DATA_DIR=/tmp/loveq); the adapter forwards each invocation to
# 127.0.0.1:8000 once /healthz answers, and streams the response (AWS_LWA_INVOKE_MODE).
FROM ${LAMBDA_ADAPTER_IMAGE} AS lambda-adapter
FROM runtime AS lambda
COPY --from=lambda-adapter /lambda-adapter /opt/extensions/lambda-adapter
ENV AWS_LWA_PORT=8000 \
    AWS_LWA_READINESS_CHECK_PATH=/healthz \
    AWS_LWA_INVOKE_MODE=response_stream \
    LOVEQ_DATA_DIR=/tmp/loveq
