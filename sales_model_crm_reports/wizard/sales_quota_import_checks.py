# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Checks across the rows of a filled quota template.

``QuotaLineChecks`` takes the lines ``QuotaRowParser`` made and reports, as
"Row N: ..." errors, the quotas the file repeats or that exist already, Split
From that names no line, goes round in a circle or whose parts do not add up,
and the lines the user's record rules do not let them create.
"""

from odoo import models
from odoo.tools.translate import _

from odoo.addons.sales_model_crm.models.sales_quota import COUNT_BASES, TIERS

from .sales_quota_import_rows import OWNER_FIELDS, format_amount

# the fields that make a quota unique (sales.quota._check_unique_line)
KEY_FIELDS = (
    "period_id",
    "owner_type",
    "user_id",
    "team_id",
    "agent_id",
    "region_id",
    "product_category_id",
    "customer_tier_id",
    "basis",
)


class QuotaLineChecks:
    """The checks across an import wizard's lines.

    ``_()`` takes the language from ``self.env``, as in a model method.
    """

    def __init__(self, wizard):
        self.env = wizard.env
        self.company = wizard.company_id

    def check_lines(self, lines):
        """Checks across rows: duplicates, splits and the user's record rules."""
        errors = []
        valid = [line for line in lines if line["ok"]]
        errors += self._check_duplicates(valid)
        errors += self._check_splits(lines)
        errors += self._check_record_rules(valid)
        return errors

    def _line_key(self, vals):
        owner_type = vals["owner_type"]
        return tuple(
            False
            if (field == "team_id" and owner_type != "team")
            else vals.get(field, False)
            for field in KEY_FIELDS
        )

    def _check_duplicates(self, lines):
        """Lines the file repeats, and lines that exist already (one query)."""
        errors = []
        seen = {}
        for line in lines:
            key = self._line_key(line["vals"])
            if key in seen:
                errors.append(
                    _(
                        "Row %(row)s: the same quota as row %(first)s (same period, "
                        "owner, scope and counted as).",
                        row=line["row"],
                        first=seen[key],
                    )
                )
            else:
                seen[key] = line["row"]
        periods = {line["vals"]["period_id"] for line in lines}
        if not periods:
            return errors
        # sudo: the uniqueness constraint spans the quotas the user cannot see;
        # only the existence is told, of a quota the row itself describes
        groups = (
            self.env["sales.quota"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.company.id),
                    ("period_id", "in", list(periods)),
                ],
                list(KEY_FIELDS),
                ["__count"],
            )
        )
        existing = set()
        for group in groups:
            vals = {
                field: value.id if isinstance(value, models.BaseModel) else value
                for field, value in zip(KEY_FIELDS, group, strict=False)
            }
            existing.add(self._line_key(vals))
        for line in lines:
            if self._line_key(line["vals"]) in existing:
                errors.append(
                    _(
                        "Row %(row)s: this quota exists already (same period, "
                        "owner, scope and counted as).",
                        row=line["row"],
                    )
                )
        return errors

    def _check_splits(self, lines):
        """Split From names a line of the file; parts add up to their parent."""
        errors = []
        by_key = {}
        for line in lines:
            key = line["raw"].get("line")
            if key is None:
                continue
            key = str(key)
            if key in by_key:
                errors.append(
                    _(
                        "Row %(row)s: the line %(line)s is also on row %(first)s.",
                        row=line["row"],
                        line=key,
                        first=by_key[key]["row"],
                    )
                )
                continue
            by_key[key] = line
        for line in lines:
            parent_key = line["raw"].get("parent")
            if parent_key is None:
                continue
            parent = by_key.get(str(parent_key))
            if parent is None:
                errors.append(
                    _(
                        "Row %(row)s: Split From names %(line)s, which no line "
                        "of the file has.",
                        row=line["row"],
                        line=parent_key,
                    )
                )
                line["ok"] = False
                continue
            line["parent"] = parent
            parent.setdefault("children", []).append(line)
        for line in lines:
            if self._in_cycle(line):
                errors.append(
                    _(
                        "Row %(row)s: Split From goes round in a circle.",
                        row=line["row"],
                    )
                )
                line["ok"] = False
        if self.company.sales_quota_split_check == "block":
            for line in lines:
                message = self._split_mismatch(line)
                if message:
                    errors.append(
                        _(
                            "Row %(row)s: the lines split from it do not add up to "
                            "it: %(detail)s.",
                            row=line["row"],
                            detail=message,
                        )
                    )
        return errors

    def _in_cycle(self, line):
        seen = set()
        current = line
        while current.get("parent"):
            if id(current) in seen:
                return True
            seen.add(id(current))
            current = current["parent"]
        return False

    def _split_mismatch(self, line):
        """As sales.quota._split_mismatch_message, on the file's lines."""
        children = line.get("children")
        if not children or not all(child["ok"] for child in children + [line]):
            return False
        currency = self.company.currency_id
        rounding = (
            0.01 if line["vals"].get("basis") in COUNT_BASES else currency.rounding
        )
        quota_fields = self.env["sales.quota"]._fields
        wrong = []
        for tier in TIERS:
            total = sum(child["vals"][tier] for child in children)
            expected = line["vals"][tier]
            if abs(total - expected) > rounding / 2:
                wrong.append(
                    _(
                        "%(tier)s: parts add up to %(total)s, not %(expected)s",
                        tier=quota_fields[tier].get_description(self.env)["string"],
                        total=format_amount(total),
                        expected=format_amount(expected),
                    )
                )
        return "; ".join(wrong)

    def _check_record_rules(self, lines):
        """Lines the user may not create, by the record rules of their env.

        A team manager imports for their teams and their members only.
        """
        if not lines:
            return []
        domain = self.env["ir.rule"]._compute_domain("sales.quota", "create")
        if not domain:
            return []
        Quota = self.env["sales.quota"]
        drafts = [Quota.new(self._rule_vals(line["vals"])) for line in lines]
        allowed = Quota.concat(*drafts).filtered_domain(domain)
        errors = []
        for line, draft in zip(lines, drafts, strict=True):
            if draft not in allowed:
                errors.append(
                    _(
                        "Row %(row)s: you may not set quotas for %(owner)s; you "
                        "import quotas for your teams and their members only.",
                        row=line["row"],
                        owner=draft._owner().display_name,
                    )
                )
        return errors

    def _rule_vals(self, vals):
        return {
            field: value
            for field, value in vals.items()
            if field in ("company_id", "owner_type", "period_id", "basis")
            or field in OWNER_FIELDS.values()
        }
