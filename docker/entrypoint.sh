#!/bin/sh
# The image's entrypoint: say which mode the container runs in, apply the
# migrations when MIGRATE_ON_START is true, then become the given command
# (Gunicorn by default) so that it runs as PID 1 and receives Docker's signals.
set -eu

mode="${DJANGO_ENV:-development}"
if [ "$mode" = "production" ]; then
    echo "entrypoint: DJANGO_ENV=production"
else
    echo "entrypoint: DJANGO_ENV=$mode: built-in development SECRET_KEY," \
        "local hosts only. Not for a deployment: set DJANGO_ENV=production," \
        "SECRET_KEY and ALLOWED_HOSTS (docker/docker-guide.md)."
fi

case "${MIGRATE_ON_START:-false}" in
    1 | true | yes)
        echo "entrypoint: applying migrations before: $*"
        python manage.py migrate --noinput
        ;;
esac

exec "$@"
