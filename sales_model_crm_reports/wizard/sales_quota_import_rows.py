# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Checking each row of a filled quota template on its own.

``QuotaRowParser`` resolves every name the file uses (periods, owners,
regions, product lines, tiers, list values) in one search per kind, then turns
each row into the values of a ``sales.quota``, collecting "Row N: ..." errors.
The checks across rows (duplicates, splits, record rules) are in
``sales_quota_import_checks``.
"""

from collections import defaultdict

from odoo.tools.translate import _

from odoo.addons.sales_model_crm.models.sales_quota import TIERS

from ..report.sales_quota_template_xlsx import COLUMNS

# columns naming a record, and the field of sales.quota each fills
REFERENCE_COLUMNS = {
    "period": "period_id",
    "region": "region_id",
    "product_line": "product_category_id",
    "customer_tier": "customer_tier_id",
}
SELECTION_COLUMNS = {
    "owner_type": "owner_type",
    "basis": "basis",
    "penalty_mode": "penalty_mode",
    "reward_minimum_mode": "reward_minimum_mode",
    "reward_target_mode": "reward_target_mode",
    "reward_stretch_mode": "reward_stretch_mode",
}
INCENTIVE_COLUMNS = (
    "penalty_value",
    "reward_minimum_value",
    "reward_target_value",
    "reward_stretch_value",
)
OWNER_FIELDS = {"user": "user_id", "team": "team_id", "agent": "agent_id"}


class QuotaRowParser:
    """The rows of an import wizard's file, as quota values.

    ``_()`` takes the language from ``self.env``, as in a model method.
    """

    def __init__(self, wizard):
        self.wizard = wizard
        self.env = wizard.env
        self.company = wizard.company_id

    def parse_rows(self, rows):
        """Check every row; ([line], ["Row 7: ..."]), each line with its vals."""
        refs = self._resolve_references(rows)
        errors = []
        lines = []
        for number, row in rows:
            vals, row_errors = self._parse_row(row, refs)
            for error in row_errors:
                errors.append(_("Row %(row)s: %(error)s", row=number, error=error))
            lines.append(
                {"row": number, "raw": row, "vals": vals, "ok": not row_errors}
            )
        return lines, errors

    def _resolve_references(self, rows):
        """Every name the file uses, resolved in one search per kind."""
        company = self.company
        company_domain = [("company_id", "in", [company.id, False])]

        def used(key):
            return list({str(row[key]) for _n, row in rows if row.get(key) is not None})

        owners = defaultdict(set)
        types = self._selection_map("owner_type")
        for _number, row in rows:
            owner_type = types.get(_key(row.get("owner_type")))
            if owner_type and row.get("owner") is not None:
                owners[owner_type].add(str(row["owner"]))
        users = (
            self.env["res.users"]
            .with_context(active_test=False)
            .search([("login", "in", list(owners["user"])), ("share", "=", False)])
        )
        users.mapped("sale_team_id")  # prefetched for the record rule check
        teams = self.env["crm.team"].search(
            company_domain + [("name", "in", list(owners["team"]))]
        )
        agent_names = list(owners["agent"])
        agents = self.wizard._agent_partners(
            company_domain
            + ["|", ("ref", "in", agent_names), ("name", "in", agent_names)]
        )
        periods = self.env["date.range"].search(
            company_domain + [("name", "in", used("period"))]
        )
        regions = self.env["sales.region"].search(
            company_domain
            + [
                "|",
                "|",
                ("complete_name", "in", used("region")),
                ("code", "in", used("region")),
                ("name", "in", used("region")),
            ]
        )
        categories = self.env["product.category"].search(
            [
                "|",
                ("complete_name", "in", used("product_line")),
                ("name", "in", used("product_line")),
            ]
        )
        tiers = self.env["sales.customer.tier"].search(
            company_domain + [("name", "in", used("customer_tier"))]
        )
        return {
            "headers": {column.key: self.env._(column.header) for column in COLUMNS},
            "user": _index(users, "login"),
            "team": _index(teams, "name"),
            "agent": _index(agents, "ref", "name"),
            "period": _index(periods, "name"),
            "region": _index(regions, "complete_name", "code", "name"),
            "product_line": _index(categories, "complete_name", "name"),
            "customer_tier": _index(tiers, "name"),
            "selection": {
                column: self._selection_map(field_name)
                for column, field_name in SELECTION_COLUMNS.items()
            },
        }

    def _selection_map(self, field_name):
        """{casefolded value or label: value} of a quota selection."""
        mapping = {}
        for value, label in self.wizard._selection_values(field_name):
            mapping[value.casefold()] = value
            mapping[label.casefold()] = value
        return mapping

    def _parse_row(self, row, refs):
        """(vals for sales.quota, [error]) of one row."""
        vals = {"company_id": self.company.id, "state": "draft"}
        errors = []
        headers = refs["headers"]
        for column, field_name in SELECTION_COLUMNS.items():
            value = row.get(column)
            if value is None:
                if column in ("owner_type", "basis"):
                    errors.append(_("%(column)s is empty.", column=headers[column]))
                continue
            found = refs["selection"][column].get(_key(value))
            if not found:
                errors.append(
                    _(
                        "%(column)s: %(value)s is not one of the listed values.",
                        column=headers[column],
                        value=value,
                    )
                )
            vals[field_name] = found
        errors += self._parse_owner(row, refs, vals, headers)
        for column, field_name in REFERENCE_COLUMNS.items():
            value = row.get(column)
            if value is None:
                if column == "period":
                    errors.append(_("%(column)s is empty.", column=headers[column]))
                continue
            records = refs[column].get(str(value), [])
            if len(records) == 1:
                vals[field_name] = records[0].id
            elif records:
                errors.append(
                    _(
                        "%(column)s: several records are named %(value)s.",
                        column=headers[column],
                        value=value,
                    )
                )
            else:
                errors.append(
                    _(
                        "%(column)s: %(value)s is unknown.",
                        column=headers[column],
                        value=value,
                    )
                )
        errors += self._parse_amounts(row, vals, headers)
        return vals, errors

    def _parse_owner(self, row, refs, vals, headers):
        owner_type = vals.get("owner_type")
        value = row.get("owner")
        if not owner_type:
            return []
        if value is None:
            return [_("%(column)s is empty.", column=headers["owner"])]
        records = refs[owner_type].get(str(value), [])
        if len(records) > 1:
            return [
                _(
                    "%(column)s: several records are named %(value)s.",
                    column=headers["owner"],
                    value=value,
                )
            ]
        if not records:
            message = {
                "user": _("no salesperson has the login %(value)s.", value=value),
                "team": _("no sales team is named %(value)s.", value=value),
                "agent": _(
                    "no agent has the reference or name %(value)s.", value=value
                ),
            }[owner_type]
            return [message]
        owner = records[0]
        if owner_type == "user" and not owner.active:
            return [_("%(user)s is archived.", user=owner.name)]
        if owner_type == "user" and self.company not in owner.company_ids:
            return [
                _(
                    "%(user)s does not work for %(company)s.",
                    user=owner.name,
                    company=self.company.name,
                )
            ]
        vals[OWNER_FIELDS[owner_type]] = owner.id
        return []

    def _parse_amounts(self, row, vals, headers):
        errors = []
        amounts = {}
        for column in TIERS + INCENTIVE_COLUMNS + ("split_share",):
            value = row.get(column)
            if value is None:
                continue
            number = _number(value)
            if number is None:
                errors.append(
                    _(
                        "%(column)s is not a number: %(value)s.",
                        column=headers[column],
                        value=value,
                    )
                )
            elif number < 0:
                errors.append(
                    _("%(column)s cannot be negative.", column=headers[column])
                )
            elif column in TIERS:
                # as typed in the form: no 49,500.00000001 from Excel's floats
                amounts[column] = self.company.currency_id.round(number)
            else:
                amounts[column] = number
        if row.get("target") is None:
            errors.append(_("%(column)s is empty.", column=headers["target"]))
        if "split_share" in amounts and amounts["split_share"] > 100:
            errors.append(
                _(
                    "%(column)s is a percentage between 0 and 100.",
                    column=headers["split_share"],
                )
            )
        if errors:
            return errors
        target = amounts["target"]
        amounts.setdefault("minimum", target)
        amounts.setdefault("stretch", target)
        if amounts["minimum"] > target:
            errors.append(
                _(
                    "the minimum (%(minimum)s) is above the target (%(target)s).",
                    minimum=format_amount(amounts["minimum"]),
                    target=format_amount(target),
                )
            )
        if target > amounts["stretch"]:
            errors.append(
                _(
                    "the target (%(target)s) is above the stretch (%(stretch)s).",
                    target=format_amount(target),
                    stretch=format_amount(amounts["stretch"]),
                )
            )
        vals.update(amounts)
        return errors


def _key(value):
    return str(value).strip().casefold() if value is not None else ""


def _number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "").replace(" ", ""))
    except ValueError:
        return None


def format_amount(value):
    return f"{value:,.2f}"


def _index(records, *field_names):
    """{text: [record]}: by the first of ``field_names`` that has the text.

    An agent's reference wins over another agent's name, and so on.
    """
    index = {}
    for field_name in field_names:
        by_field = defaultdict(list)
        for record in records:
            if record[field_name]:
                by_field[record[field_name]].append(record)
        for value, found in by_field.items():
            index.setdefault(value, found)
    return index
