# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quota import wizard: the template to download, the filled file to import.

This module holds the wizard's fields and actions and the one ``create()`` of
the imported quotas. Reading the workbook is in ``sales_quota_import_reader``,
checking each row in ``sales_quota_import_rows`` and the checks across rows in
``sales_quota_import_checks``.
"""

from datetime import timedelta

from odoo import Command, _, fields, models

from odoo.addons.sales_model_crm.models.sales_quota import TIERS

from ..report.sales_quota_template_xlsx import REPORT_XMLID
from .sales_quota_import_checks import QuotaLineChecks
from .sales_quota_import_reader import QuotaFileReader
from .sales_quota_import_rows import (
    INCENTIVE_COLUMNS,
    SELECTION_COLUMNS,
    QuotaRowParser,
)

# the reference lists of the template hold the periods from a year back
PERIOD_LIST_DAYS = 366


class SalesQuotaImport(models.TransientModel):
    """Next period's quotas, filled in Excel and imported back.

    Step one downloads a template, empty or pre-filled from a period's
    quotas; step two reads the filled file, checks every line and creates the
    quotas in draft only when no line has an error.
    """

    _name = "sales.quota.import"
    _description = "Import Quotas"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    source_period_id = fields.Many2one(
        "date.range",
        string="Copy Quotas From",
        check_company=True,
        help="Pre-fill the template with the quotas of this period that you may "
        "see. Leave empty for an empty template.",
    )
    target_period_id = fields.Many2one(
        "date.range",
        string="For Period",
        check_company=True,
        help="The period the template's lines are set to.",
    )
    file = fields.Binary(string="Filled Template", attachment=False)
    file_name = fields.Char()
    error_text = fields.Text(string="Errors", readonly=True)
    error_count = fields.Integer(readonly=True)

    # --- step one: the template ---------------------------------------------

    def action_download_template(self):
        self.ensure_one()
        return self.env.ref(REPORT_XMLID).report_action(self, config=False)

    def _selection_values(self, field_name):
        """[(value, label)] of a quota selection, in the user's language."""
        field = self.env["sales.quota"]._fields[field_name]
        return field._description_selection(self.env)

    def _template_lists(self):
        """{list key: [text]}: the values the template offers."""
        company = self.company_id or self.env.company
        company_domain = [("company_id", "in", [company.id, False])]
        today = fields.Date.context_today(self)
        periods = self.env["date.range"].search(
            company_domain
            + [("date_end", ">=", today - timedelta(days=PERIOD_LIST_DAYS))],
            order="date_start, type_id",
        )
        salesman = self.env.ref("sales_team.group_sale_salesman")
        users = self.env["res.users"].search(
            [
                ("share", "=", False),
                ("company_ids", "in", company.id),
                ("groups_id", "in", salesman.id),
            ],
            order="login",
        )
        return {
            "period": _unique(periods.mapped("name")),
            "owner_type": [label for _v, label in self._selection_values("owner_type")],
            "basis": [label for _v, label in self._selection_values("basis")],
            "user": users.mapped("login"),
            "team": _unique(
                self.env["crm.team"].search(company_domain, order="name").mapped("name")
            ),
            "agent": _unique(
                self._agent_partners(company_domain).mapped(
                    lambda agent: agent.ref or agent.name
                )
            ),
            "region": _unique(
                self.env["sales.region"]
                .search(company_domain, order="complete_name")
                .mapped("complete_name")
            ),
            "product_line": _unique(
                self.env["product.category"]
                .search([], order="complete_name")
                .mapped("complete_name")
            ),
            "customer_tier": _unique(
                self.env["sales.customer.tier"].search(company_domain).mapped("name")
            ),
            "penalty_mode": [
                label for _v, label in self._selection_values("penalty_mode")
            ],
            "reward_mode": [
                label for _v, label in self._selection_values("reward_target_mode")
            ],
        }

    def _agent_partners(self, domain):
        return self.env["res.partner"].search(
            domain + [("sales_kind_ids.code", "=", "agent")], order="name"
        )

    def _template_rows(self):
        """The source period's quotas as template rows, set to the target period.

        Record rules apply: a team manager copies their teams' quotas only.
        Parts keep their Split From when their parent is copied too.
        """
        if not self.source_period_id:
            return []
        quotas = self.env["sales.quota"].search(
            [
                ("period_id", "=", self.source_period_id.id),
                ("company_id", "=", self.company_id.id),
            ]
        )
        # parents before their parts, as a manager reads a split
        quotas = quotas.sorted(lambda quota: (quota.parent_path or "", quota.id))
        line_keys = {quota.id: f"L{index}" for index, quota in enumerate(quotas, 1)}
        labels = {
            column: dict(self._selection_values(field_name))
            for column, field_name in SELECTION_COLUMNS.items()
        }
        rows = []
        for quota in quotas:
            owner = {
                "user": quota.user_id.login,
                "team": quota.team_id.name,
                "agent": quota.agent_id.ref or quota.agent_id.name,
            }[quota.owner_type]
            row = {
                "line": line_keys[quota.id],
                "period": self.target_period_id.name or "",
                "owner": owner,
                "region": quota.region_id.complete_name,
                "product_line": quota.product_category_id.complete_name,
                "customer_tier": quota.customer_tier_id.name,
                "parent": line_keys.get(quota.parent_id.id),
                "split_share": quota.split_share if quota.parent_id else None,
            }
            for column, field_name in SELECTION_COLUMNS.items():
                row[column] = labels[column].get(quota[field_name])
            for column in TIERS + INCENTIVE_COLUMNS:
                row[column] = quota[column]
            rows.append(row)
        return rows

    # --- step two: the import -----------------------------------------------

    def action_import(self):
        self.ensure_one()
        self.env["sales.quota"].check_access("create")
        rows = self._read_rows()
        lines, errors = self._parse_rows(rows)
        if errors:
            self.write({"error_text": "\n".join(errors), "error_count": len(errors)})
            return self._reopen()
        quotas = self.env["sales.quota"].create(self._create_vals(lines))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.sales_quota_action"
        )
        action.update(
            {
                "name": _("Imported Quotas"),
                "domain": [("id", "child_of", quotas.ids)],
                "context": {},
                "target": "main",
            }
        )
        return action

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": _("Import Quotas"),
        }

    def _read_rows(self):
        """[(Excel row number, {column key: value})] of the non-empty lines."""
        return QuotaFileReader(self.env).read_rows(self.file, self.file_name)

    def _parse_rows(self, rows):
        """Check every row; ([line], ["Row 7: ..."]), the lines ready to create."""
        lines, errors = QuotaRowParser(self).parse_rows(rows)
        errors += QuotaLineChecks(self).check_lines(lines)
        return lines, errors

    # --- creation ---------------------------------------------------------------

    def _create_vals(self, lines):
        """Top-level quotas, their parts nested: one create() for the whole file."""

        def vals_of(line):
            vals = dict(line["vals"])
            parent = line.get("parent")
            if parent and "split_share" not in vals:
                parent_target = parent["vals"]["target"]
                vals["split_share"] = (
                    round(100.0 * vals["target"] / parent_target, 2)
                    if parent_target
                    else 0.0
                )
            children = line.get("children")
            if children:
                vals["child_ids"] = [
                    Command.create(vals_of(child)) for child in children
                ]
            return vals

        return [vals_of(line) for line in lines if not line.get("parent")]


def _unique(values):
    return list(dict.fromkeys(value for value in values if value))
