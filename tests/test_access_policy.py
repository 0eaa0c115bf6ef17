# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access policy of security/access_policy.csv, checked cell by cell.

One test walks every role x model x operation: the read paths of RPC
(search, read, web_read, name_search, read_group), create, write, unlink,
Odoo's export, every Excel report of ours, and every public ``action_*``
method of our models on a record the role may not change. It collects every
cell that differs from the table and reports them all at once. Each cell is
checked on three records: Li's (the salesperson role's own), Zhao's (Li's
teammate) and Zhang's (another team). Another test checks that the table
covers every model our addons grant access to.
"""

import inspect
import io
import zipfile

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .access_common import AccessMatrixCommon, read_policy, read_report_policy

READ_PATHS = ("search", "read", "web_read", "name_search", "read_group")
OPERATIONS = ("read", "write", "create", "unlink", "export")
# errors by which Odoo refuses an RPC call cleanly (no server error)
REFUSALS = (AccessError, UserError, ValidationError)
OUR_MODULES = ("sales_model_crm", "sales_model_crm_reports")
OUR_ADDONS = tuple(f"odoo.addons.{module}" for module in OUR_MODULES)
# whose record each position of EXPECTED is (the order of AccessMatrixCommon.owners)
OWNERS = ("Li's", "teammate Zhao's", "other team's Zhang's")
# (Li's, Zhao's, Zhang's) records allowed, per cell value: `own` is refused on
# the teammate's record, which `team` allows
EXPECTED = {
    "none": (False, False, False),
    "own": (True, False, False),
    "team": (True, True, False),
    "all": (True, True, True),
}
# a wizard (transient model) has no other user's record to refuse: Odoo gives
# each wizard to its creator alone. Its rows say whether the role may use it
# (`all`: the access right is granted, `none`: refused), and `none` for export.
WIZARD_VALUES = ("all", "none")


# workbooks that name no salesperson (stage totals; a template whose owner
# lists hold every salesperson's login): checked for being printed or refused
PRINT_ONLY_REPORTS = (
    "sales_model_crm_reports.funnel_xlsx",
    "sales_model_crm_reports.quota_template_xlsx",
)


class Rollback(Exception):
    """Raised to undo what a probed call did (its savepoint rolls back)."""


@tagged("post_install", "-at_install", "smc_slow")
class TestAccessPolicy(AccessMatrixCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = read_policy()
        cls.report_policy = read_report_policy()

    # --- one cell

    def _read_path_allows(self, record, role, path):
        """Whether ``role`` gets ``record`` through one read path of RPC."""
        model = self.as_role(record.browse(), role)
        domain = [("id", "=", record.id)]
        if path == "search":
            return model.search(domain) == record
        if path == "read":
            return bool(self.as_role(record, role).read(["display_name"]))
        if path == "web_read":
            return bool(self.as_role(record, role).web_read({"display_name": {}}))
        if path == "name_search":
            found = model.name_search("", domain, limit=None)
            return record.id in [record_id for record_id, _name in found]
        # read_group: the count of one group over the record
        groups = model.read_group(domain, ["__count"], [])
        return bool(groups and groups[0]["__count"])

    def _allows(self, record, role, operation):
        self.env.invalidate_all()
        try:
            if operation in READ_PATHS:
                return self._read_path_allows(record, role, operation)
            if operation == "export":
                self.as_role(record, role).export_data(["display_name"])
            else:
                self.as_role(record, role).check_access(operation)
        except REFUSALS:  # Odoo refuses export with a UserError
            return False
        return True

    def _expected(self, role, model, operation):
        row = self.policy.get((role, model))
        column = "read" if operation in READ_PATHS else operation
        return EXPECTED[row[column] if row else "none"]

    # --- the walks

    def _walk_operations(self, mismatches):
        for role in self.role_users:
            for model, records in self.records.items():
                if len(records) != len(OWNERS) or not all(records):
                    mismatches.append(f"{model}: a record of an owner is missing")
                    continue
                if (role, model) not in self.policy:
                    mismatches.append(f"{role:>16} {model:<28} no row in the policy")
                for operation in READ_PATHS + OPERATIONS[1:]:
                    expected = self._expected(role, model, operation)
                    actual = tuple(
                        self._allows(record, role, operation) for record in records
                    )
                    if actual != expected:
                        mismatches.append(
                            f"{role:>16} {model:<28} {operation:<11} "
                            f"expected {self._by_owner(expected)} "
                            f"got {self._by_owner(actual)}"
                        )

    @staticmethod
    def _by_owner(allowed):
        return ", ".join(
            f"{owner}={'yes' if flag else 'no'}"
            for owner, flag in zip(OWNERS, allowed, strict=True)
        )

    def _wizards(self):
        return sorted(
            {model for _role, model in self.policy if self.env[model]._transient}
        )

    def _walk_wizards(self, mismatches):
        """The access rights of each wizard (its records are its creator's)."""
        for model in self._wizards():
            for role in self.role_users:
                row = self.policy.get((role, model))
                if not row:
                    continue  # reported by the completeness test
                for operation in OPERATIONS:
                    value = row[operation]
                    if value not in WIZARD_VALUES or (
                        operation == "export" and value != "none"
                    ):
                        mismatches.append(
                            f"{role:>16} {model:<28} {operation:<11} {value!r} is "
                            "not a wizard's value"
                        )
                        continue
                    if operation == "export":
                        continue
                    self.env.invalidate_all()
                    try:
                        self.as_role(self.env[model], role).check_access(operation)
                        actual = True
                    except AccessError:
                        actual = False
                    if actual != (value == "all"):
                        mismatches.append(
                            f"{role:>16} {model:<28} {operation:<11} "
                            f"expected {value} got {'all' if actual else 'none'}"
                        )

    def _xlsx_reports(self):
        return (
            self.env["ir.actions.report"]
            .search([("report_type", "=", "xlsx")])
            .filtered(
                lambda report: report.get_external_id()[report.id].split(".")[0]
                in ("sales_model_crm", "sales_model_crm_reports")
            )
        )

    def _workbook_text(self, content):
        with zipfile.ZipFile(io.BytesIO(content)) as workbook:
            return "".join(
                workbook.read(name).decode()
                for name in workbook.namelist()
                if name.endswith(".xml")
            )

    def _render(self, report, record, role):
        """The text of the workbook ``role`` gets, or None if refused."""
        self.env.invalidate_all()
        try:
            content, _format = (
                self.as_role(self.env["ir.actions.report"], role)
                .with_context(active_model=report.model, active_ids=record.ids)
                ._render_xlsx(report.report_name, record.ids, None)
            )
        except REFUSALS:
            return None
        return self._workbook_text(content)

    def _report_records(self, report, role):
        """The owners' records to print; wizards are filled in by the role."""
        model = self.env[report.model]
        if not model._transient:
            return self.records.get(report.model)
        values = {
            "sales.quota.sheet.export": {"period_ids": [(6, 0, self.jan.ids)]},
            "sales.quota.import": {
                "source_period_id": self.jan.id,
                "target_period_id": self.feb.id,
            },
        }.get(report.model, {})
        try:
            wizard = self.as_role(model, role).create(values)
        except REFUSALS:
            wizard = model.create(values)  # the role may still try to print it
        return (wizard,) * len(OWNERS)

    def _walk_reports(self, mismatches):
        """Each Excel report, as each role, on each owner's records.

        A workbook "shows" a record when the record's salesperson (name or
        login) appears in it; a refused or filtered print shows nothing.
        """
        reports = self._xlsx_reports()
        self.assertTrue(reports)
        owners = [(user.name, user.login) for user in self.owners]
        for report in reports:
            for role in self.role_users:
                key = (role, report.report_name)
                if key not in self.report_policy:
                    mismatches.append(f"{role:>16} {report.report_name} no row")
                    continue
                records = self._report_records(report, role)
                if not (records and all(records)):
                    mismatches.append(f"{report.report_name}: no records to print")
                    break
                expected = EXPECTED[self.report_policy[key]]
                actual = []
                for index, record in enumerate(records):
                    text = self._render(report, record, role)
                    if report.report_name in PRINT_ONLY_REPORTS:
                        actual.append(text is not None)
                    else:
                        text = text or ""
                        actual.append(any(marker in text for marker in owners[index]))
                if tuple(actual) != expected:
                    mismatches.append(
                        f"{role:>16} {report.report_name:<42} xlsx "
                        f"expected {self._by_owner(expected)} "
                        f"got {self._by_owner(actual)}"
                    )

    def _action_methods(self, model):
        """Public ``action_*`` methods our addons define on ``model``, no argument."""
        names = set()
        for cls in type(self.env[model]).mro():
            if not cls.__module__.startswith(OUR_ADDONS):
                continue
            for name, method in vars(cls).items():
                if not name.startswith("action_") or not callable(method):
                    continue
                required = [
                    parameter
                    for parameter in inspect.signature(method).parameters.values()
                    if parameter.default is parameter.empty
                    and parameter.kind
                    in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
                ]
                if len(required) == 1:  # self only: callable over RPC as is
                    names.add(name)
        return sorted(names)

    def _snapshot(self, record):
        self.env.invalidate_all()
        record = record.sudo()  # sudo: the test's own view, before and after
        fields = [
            name
            for name, field in record._fields.items()
            if field.store and field.type not in ("binary", "one2many", "many2many")
        ]
        return record.read(fields)

    def _action_effect(self, record, role, method):
        """'refused', 'no effect' or 'changed' for one call over RPC."""
        before = self._snapshot(record)
        outcome = "no effect"
        try:
            with self.env.cr.savepoint():
                try:
                    getattr(self.as_role(record, role), method)()
                except REFUSALS:
                    outcome = "refused"
                    raise Rollback() from None
                except Exception as error:  # a server error, not a refusal
                    outcome = f"error {error!r}"
                    raise Rollback() from None
                self.env.flush_all()
                if self._snapshot(record) != before:
                    outcome = "changed"
                raise Rollback()
        except Rollback:
            pass
        self.env.invalidate_all()
        return outcome

    def _walk_actions(self, mismatches):
        """Actions on a record the role may not change: refused or no effect.

        Returns how many calls were made (the walk must not be empty).
        """
        calls = 0
        for model, records in self.records.items():
            for method in self._action_methods(model):
                for role in self.role_users:
                    may_write = self._expected(role, model, "write")
                    for index, record in enumerate(records):
                        if may_write[index]:
                            continue
                        outcome = self._action_effect(record, role, method)
                        calls += 1
                        if outcome not in ("refused", "no effect"):
                            mismatches.append(
                                f"{role:>16} {model}.{method}() on {OWNERS[index]} "
                                f"record: {outcome} (expected refused or no effect)"
                            )
        return calls

    def test_every_cell_of_the_access_policy_holds(self):
        self.assertTrue(self.policy)
        mismatches = []
        self._walk_operations(mismatches)
        self._walk_wizards(mismatches)
        self._walk_reports(mismatches)
        calls = self._walk_actions(mismatches)
        self.assertGreater(calls, 100, "the action walk found no action to call")
        self.assertFalse(mismatches, "\n" + "\n".join(mismatches))

    def test_every_model_with_access_rights_is_in_the_policy(self):
        """The table covers every model our addons grant access to, every role.

        The models are those of the access rights (``ir.model.access``) our
        modules define, read from the database: a new model, or a new access
        right on a model of another addon, fails here until it has its rows
        and records to be checked on (wizards: the access rights only).
        """
        rights = self.env["ir.model.data"].search(
            [("module", "in", OUR_MODULES), ("model", "=", "ir.model.access")]
        )
        granted = set(
            self.env["ir.model.access"]
            .browse(rights.mapped("res_id"))
            .mapped("model_id.model")
        )
        self.assertGreater(len(granted), 30, "the access rights were not found")
        tabled = {model for _role, model in self.policy}
        problems = [
            f"{model}: access rights but no row in access_policy.csv"
            for model in sorted(granted - tabled)
        ]
        problems += [
            f"{model}: no row for {role}"
            for model in sorted(tabled)
            for role in self.role_users
            if (role, model) not in self.policy
        ]
        problems += [
            f"{model}: no records to check the rows on"
            for model in sorted(tabled)
            if model not in self.records and not self.env[model]._transient
        ]
        self.assertFalse(problems, "\n" + "\n".join(problems))
