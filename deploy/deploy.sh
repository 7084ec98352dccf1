#!/usr/bin/env bash
# Deploys Love Q to AWS in one command:
#
#   deploy/deploy.sh STAGE [--profile serverless|container] [--dry-run]
#
# STAGE is dev, staging or prod; the stack is love-q-<profile>-<STAGE> (default profile:
# serverless). Steps:
#   1. the bootstrap stack love-q-bootstrap (ECR repository, packaging bucket), once per
#      account and Region;
#   2. docker build (--target lambda for serverless, runtime for container) and push to ECR,
#      tagged <stage>-<git commit>;
#   3. aws cloudformation package (uploads the nested shared.yaml) and deploy;
#   4. migrations as a release step, `loveq migrate` with the stack's settings: for the container
#      profile an ECS task from the new image with the task role; for the serverless profile the
#      new image run here with your credentials (they need dsql:DbConnectAdmin on the cluster).
#
# Settings come from the environment: ALERT_EMAIL (required), AWS_REGION (or the CLI's region),
# CORS_ORIGINS, CERTIFICATE_ARN (container), BEDROCK_INFERENCE_PROFILE_ID,
# BEDROCK_FOUNDATION_MODEL_ID, CREATE_BUDGET, EXTRA_PARAMETERS ("Key=Value ..." for
# --parameter-overrides). --dry-run prints every command instead of running it (nothing is
# called, no credentials are needed). See docs/deploy.md.
set -euo pipefail

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

stage="" profile="serverless" dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --profile) profile="${2:-}"; shift ;;
    --profile=*) profile="${1#*=}" ;;
    -h|--help) usage ;;
    dev|staging|prod) stage="$1" ;;
    *) echo "deploy.sh: unknown argument $1" >&2; usage ;;
  esac
  shift
done
[ -n "$stage" ] || usage
case "$profile" in serverless|container) ;; *) echo "deploy.sh: --profile is serverless or container" >&2; exit 2 ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
stack="love-q-$profile-$stage"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
alert_email="${ALERT_EMAIL:-}"
[ -n "$alert_email" ] || { echo "deploy.sh: set ALERT_EMAIL (alarms and the budget alert go there)" >&2; exit 2; }
if [ "$profile" = container ] && [ -z "${CERTIFICATE_ARN:-}" ]; then
  echo "deploy.sh: the container profile needs CERTIFICATE_ARN (an ACM certificate for the HTTPS listener)" >&2
  exit 2
fi
commit="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
if [ "$dry_run" = 0 ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  echo "deploy.sh: the work tree has uncommitted changes; the image tag names a commit, so commit first" >&2
  exit 2
fi
tag="$stage-$commit"
target=$([ "$profile" = serverless ] && echo lambda || echo runtime)

# run CMD...: runs it, or prints it under --dry-run. query CMD...: the same for commands whose
# output is needed; under --dry-run it prints the command and yields a placeholder.
run() {
  if [ "$dry_run" = 1 ]; then echo "+ $*"; else "$@"; fi
}
query() {
  local placeholder="$1"; shift
  if [ "$dry_run" = 1 ]; then echo "+ $*" >&2; echo "$placeholder"; else "$@"; fi
}
region_args=()
[ -n "$region" ] && region_args=(--region "$region")
output() {  # output STACK KEY
  query "<$1.$2>" aws "${region_args[@]}" cloudformation describe-stacks --stack-name "$1" \
    --query "Stacks[0].Outputs[?OutputKey=='$2'].OutputValue" --output text
}

echo "deploy: $stack (image target $target, tag $tag)$([ "$dry_run" = 1 ] && echo ', dry run: printing the commands, running none')" >&2

# 1. bootstrap
run aws "${region_args[@]}" cloudformation deploy --stack-name love-q-bootstrap \
  --template-file deploy/templates/bootstrap.yaml --no-fail-on-empty-changeset
repository="$(output love-q-bootstrap RepositoryUri)"
artifacts="$(output love-q-bootstrap ArtifactsBucket)"
registry="${repository%%/*}"
image="$repository:$tag"

# 2. image
run sh -c "aws ${region_args[*]} ecr get-login-password | docker login --username AWS --password-stdin $registry"
run docker build --target "$target" --platform linux/amd64 -t "$image" .
run docker push "$image"

# 3. stack
packaged="$(mktemp "${TMPDIR:-/tmp}/loveq-packaged.XXXXXX.yaml")"
trap 'rm -f "$packaged"' EXIT
run aws "${region_args[@]}" cloudformation package --template-file "deploy/templates/$profile.yaml" \
  --s3-bucket "$artifacts" --s3-prefix "$stack" --output-template-file "$packaged"
parameters=(
  "Stage=$stage" "ImageUri=$image" "AlertEmail=$alert_email"
  "CorsOrigins=${CORS_ORIGINS:-}"
  "BedrockInferenceProfileId=${BEDROCK_INFERENCE_PROFILE_ID:-global.anthropic.claude-sonnet-5-5}"
  "BedrockFoundationModelId=${BEDROCK_FOUNDATION_MODEL_ID:-anthropic.claude-sonnet-5-5}"
  "CreateBudget=${CREATE_BUDGET:-true}"
)
[ "$profile" = container ] && parameters+=("CertificateArn=$CERTIFICATE_ARN")
# The log salt is set once (LOG_SALT=… on the first deploy); later deploys keep the stack's value.
[ -n "${LOG_SALT:-}" ] && parameters+=("LogSalt=$LOG_SALT")
# shellcheck disable=SC2206  # EXTRA_PARAMETERS is a space-separated list by design
[ -n "${EXTRA_PARAMETERS:-}" ] && parameters+=(${EXTRA_PARAMETERS})
run aws "${region_args[@]}" cloudformation deploy --stack-name "$stack" --template-file "$packaged" \
  --capabilities CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset \
  --tags "love-q:stack=$stack" "love-q:commit=$commit" \
  --parameter-overrides "${parameters[@]}"

# 4. migrations (a release step: the service itself never migrates in production)
endpoint="$(output "$stack" ClusterEndpoint)"
if [ "$profile" = container ]; then
  cluster="$(output "$stack" EcsCluster)"
  task_definition="$(output "$stack" TaskDefinitionArn)"
  subnets="$(output "$stack" TaskSubnets)"
  security_group="$(output "$stack" TaskSecurityGroup)"
  task="$(query "<task-arn>" aws "${region_args[@]}" ecs run-task --cluster "$cluster" --launch-type FARGATE \
    --task-definition "$task_definition" \
    --network-configuration "awsvpcConfiguration={subnets=[$subnets],securityGroups=[$security_group],assignPublicIp=ENABLED}" \
    --overrides '{"containerOverrides":[{"name":"loveq","command":["migrate"]}]}' \
    --query 'tasks[0].taskArn' --output text)"
  run aws "${region_args[@]}" ecs wait tasks-stopped --cluster "$cluster" --tasks "$task"
  code="$(query 0 aws "${region_args[@]}" ecs describe-tasks --cluster "$cluster" --tasks "$task" \
    --query 'tasks[0].containers[0].exitCode' --output text)"
  [ "$code" = 0 ] || { echo "deploy.sh: loveq migrate exited with $code (logs: /ecs/$stack)" >&2; exit 1; }
else
  # The image's entrypoint is `loveq`; the credentials are yours, exported for this one run.
  run sh -c "eval \"\$(aws configure export-credentials --format env)\" && docker run --rm \
    -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY -e AWS_SESSION_TOKEN \
    -e AWS_REGION=${region:-\$(aws configure get region)} -e LOVEQ_DSQL_ENDPOINT=$endpoint \
    -e LOVEQ_DATA_DIR=/tmp/loveq --entrypoint loveq $image migrate"
fi

echo "deploy: $stack is up" >&2
output "$stack" GraphQLUrl >&2
