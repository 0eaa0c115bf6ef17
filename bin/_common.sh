# shellcheck shell=bash
# Shared helpers for bin/test, bin/demo and .ci/run. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
# Every check stops with a one-line explanation (exit 1), never with a traceback.

# The repository root (the directory that holds both addons).
SMC_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SMC_ADDONS="sales_model_crm,sales_model_crm_reports"
# The Debian cluster to start when PostgreSQL is not answering.
SMC_PG_VERSION="${SMC_PG_VERSION:-15}"
SMC_PG_CLUSTER="${SMC_PG_CLUSTER:-main}"

smc_log() { printf '==> %s\n' "$*" >&2; }
smc_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Odoo 18 is a prerequisite: it is on no package registry, so nothing installs it.
smc_require_odoo() {
    command -v python3 >/dev/null 2>&1 || smc_die "python3 is not on PATH."
    if ! python3 -c 'import odoo, odoo.release; assert odoo.release.version_info[0] == 18' \
        >/dev/null 2>&1; then
        local found
        found="$(python3 -c 'import odoo.release; print("Odoo", odoo.release.version)' \
            2>/dev/null || echo "no importable odoo package")"
        smc_die "Odoo 18 is required, but $(command -v python3) has ${found}." \
            "Install Odoo 18.0 for this python3 (e.g. 'pip install -e /path/to/odoo-18.0')" \
            "and run this again. Odoo is a prerequisite: no project file installs it."
    fi
}

# Start the local PostgreSQL cluster if it is not answering, and make sure the
# current OS user has a superuser role (Odoo connects over the unix socket, as
# that user, and refuses the 'postgres' role).
smc_require_postgres() {
    if ! command -v pg_isready >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
        smc_die "PostgreSQL is not installed (no pg_isready/psql on PATH)." \
            "Install it, e.g. 'apt-get install postgresql-${SMC_PG_VERSION}'."
    fi
    if ! pg_isready -q; then
        command -v pg_ctlcluster >/dev/null 2>&1 ||
            smc_die "PostgreSQL is not running and pg_ctlcluster is missing: start it yourself."
        [[ $(id -u) -eq 0 ]] ||
            smc_die "PostgreSQL is not running; start it as root:" \
                "'pg_ctlcluster ${SMC_PG_VERSION} ${SMC_PG_CLUSTER} start'."
        local version="${SMC_PG_VERSION}" cluster="${SMC_PG_CLUSTER}"
        if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "${version} ${cluster}"; then
            # No such cluster: take the first one this machine has.
            read -r version cluster _ < <(pg_lsclusters -h 2>/dev/null) || true
            [[ -n ${version} ]] ||
                smc_die "PostgreSQL is installed but has no cluster: create one with" \
                    "'pg_createcluster ${SMC_PG_VERSION} main'."
        fi
        smc_log "starting PostgreSQL cluster ${version}/${cluster}"
        pg_ctlcluster "${version}" "${cluster}" start ||
            smc_die "could not start PostgreSQL cluster ${version}/${cluster}" \
                "(see /var/log/postgresql/postgresql-${version}-${cluster}.log)."
        for _ in $(seq 30); do
            pg_isready -q && break
            sleep 1
        done
        pg_isready -q || smc_die "PostgreSQL ${version}/${cluster} did not become ready in 30s."
    fi
    local user
    user="$(id -un)"
    [[ ${user} != postgres ]] ||
        smc_die "don't run this as 'postgres': Odoo refuses that database role."
    if ! psql -d postgres -XtAc 'select 1' >/dev/null 2>&1; then
        [[ $(id -u) -eq 0 ]] ||
            smc_die "PostgreSQL has no role for '${user}': create one," \
                "e.g. sudo -u postgres createuser -s ${user}"
        smc_log "creating PostgreSQL superuser role '${user}'"
        su postgres -c "psql -XqAc 'CREATE ROLE \"${user}\" SUPERUSER LOGIN'" >/dev/null ||
            smc_die "could not create the PostgreSQL role '${user}'."
    fi
    psql -d postgres -XtAc 'select 1' >/dev/null 2>&1 ||
        smc_die "cannot connect to PostgreSQL as '${user}' over the unix socket."
}

# The addons path: this repository first, then every directory Odoo itself puts
# in the odoo.addons namespace (its own addons and the site-packages
# odoo/addons where the OCA wheels live). Fails if a copy of our addons
# installed elsewhere (e.g. a non-editable `pip install .`) would shadow the
# work tree, since Odoo takes the first match in odoo.addons.__path__.
smc_addons_path() {
    python3 - "${SMC_REPO}" "${SMC_ADDONS}" <<'PY'
import os
import sys

import odoo.addons

repo, addons = os.path.realpath(sys.argv[1]), sys.argv[2].split(",")


def is_addons_dir(path):
    return os.path.isdir(path) and any(
        os.path.isfile(os.path.join(path, name, "__manifest__.py"))
        for name in os.listdir(path)
    )


paths = [repo]
for path in map(os.path.realpath, odoo.addons.__path__):
    if path not in paths and is_addons_dir(path):
        paths.append(path)
for path in paths[1:]:
    for addon in addons:
        if os.path.isfile(os.path.join(path, addon, "__manifest__.py")):
            sys.exit(
                f"error: another copy of {addon} is installed in {path} and would be "
                f"used instead of {repo}/{addon}: remove it "
                "('pip uninstall odoo-addons-sales-model-crm')."
            )
missing = [
    dep
    for dep in ("partner_multi_relation", "report_xlsx")
    if not any(os.path.isfile(os.path.join(p, dep, "__manifest__.py")) for p in paths)
]
if missing:
    sys.exit(
        f"error: OCA addon(s) {', '.join(missing)} not found: "
        "run 'pip install -r requirements.txt'."
    )
print(",".join(paths))
PY
}

# Drop a database and its filestore. $2 is Odoo's data_dir.
smc_drop_db() {
    local db="$1" data_dir="${2:-}"
    dropdb --if-exists --force "${db}" 2>/dev/null || dropdb --if-exists "${db}" || true
    if [[ -n ${data_dir} && -d ${data_dir}/filestore/${db} ]]; then
        rm -rf "${data_dir:?}/filestore/${db}"
    fi
}

smc_db_exists() {
    [[ $(psql -d postgres -XtAc "select 1 from pg_database where datname = '$1'") == 1 ]]
}

# Debian's libfaketime (package faketime), for SMC_TEST_CLOCKS.
smc_faketime_lib() {
    local lib
    for lib in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
        [[ -f ${lib} ]] && {
            echo "${lib}"
            return 0
        }
    done
    smc_die "SMC_TEST_CLOCKS needs libfaketime: 'apt-get install faketime'."
}
