# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _

from .sales_quota_sheet_common import FIRST_ROW, cell

(
    COL_OWNER_TYPE,
    COL_OWNER,
    COL_TEAM,
    COL_PERIOD,
    COL_REGION,
    COL_PRODUCT,
    COL_TIER_CUSTOMER,
    COL_MINIMUM,
    COL_TARGET,
    COL_STRETCH,
    COL_ACTUAL,
    COL_PCT_TARGET,
    COL_TIER,
) = range(13)
TIER_COLUMNS = (COL_ACTUAL, COL_MINIMUM, COL_TARGET, COL_STRETCH)
AMOUNT_FIELDS = (
    (COL_MINIMUM, "minimum"),
    (COL_TARGET, "target"),
    (COL_STRETCH, "stretch"),
    (COL_ACTUAL, "actual_amount"),
)


class DimensionSheet:
    """By Dimension: the quotas of a region, product line, customer tier or
    an agent, as the quotas define them (a whole team's are in Summary).

    They overlap the salespeople's quotas (and each other), so the totals are
    SUBTOTAL formulas meant to be read after filtering on one dimension.
    """

    def _write_dimension_sheet(self, workbook, page, quotas):
        columns = [
            (_("Owner Is"), "text"),
            (_("Owner"), "text"),
            (_("Sales Team"), "text"),
            (_("Period"), "text"),
            (_("Sales Region"), "text"),
            (_("Product Line"), "text"),
            (_("Customer Tier"), "text"),
            (_("Minimum"), "amount"),
            (_("Target"), "amount"),
            (_("Stretch"), "amount"),
            (_("Actual"), "amount"),
            (_("% of Target"), "percent"),
            (_("Tier Reached"), "text"),
        ]
        sheet = self._add_sheet(
            workbook,
            page,
            _("By Dimension"),
            _("Quota Sheet: by Region, Product Line and Agent"),
            columns,
            note=_(
                "These quotas overlap: filter on one dimension before reading "
                "the totals."
            ),
        )
        if not quotas:
            self._write_empty(sheet, page, _("No quota by dimension to show."))
            self._finish_sheet(sheet, columns, {}, FIRST_ROW)
            return sheet
        owner_types = dict(
            quotas._fields["owner_type"]._description_selection(self.env)
        )
        quotas = quotas.sorted(
            lambda quota: (
                quota.region_id.name or "",
                quota.product_category_id.complete_name or "",
                quota.customer_tier_id.name or "",
                quota.owner_type,
                quota.owner_name or "",
                quota.date_start,
                quota.id,
            )
        )
        formats = page["formats"]
        row = FIRST_ROW
        for quota in quotas:
            self._write_texts(
                sheet,
                row,
                (
                    (COL_OWNER_TYPE, owner_types.get(quota.owner_type)),
                    (COL_OWNER, quota.owner_name),
                    (COL_TEAM, quota.team_id.name),
                    (COL_PERIOD, quota.period_id.name),
                    (COL_REGION, quota.region_id.name),
                    (COL_PRODUCT, quota.product_category_id.complete_name),
                    (COL_TIER_CUSTOMER, quota.customer_tier_id.name),
                ),
                formats["text"],
            )
            for col, name in AMOUNT_FIELDS:
                sheet.write_number(row, col, quota[name], formats["amount"])
            self._write_dimension_formulas(
                sheet, page, row, (quota.attainment / 100, quota.tier_reached)
            )
            row += 1
        self._write_dimension_total(sheet, page, row, quotas)
        self._add_tier_formats(
            sheet, page, (COL_ACTUAL, COL_TIER), FIRST_ROW, row - 1, TIER_COLUMNS
        )
        self._add_data_bar(sheet, FIRST_ROW, row - 1, COL_PCT_TARGET)
        texts = {
            COL_OWNER_TYPE: self._longest(owner_types.values()),
            COL_OWNER: self._longest(quotas.mapped("owner_name")),
            COL_TEAM: self._longest(quotas.team_id.mapped("name")),
            COL_PERIOD: self._longest(quotas.period_id.mapped("name")),
            COL_REGION: self._longest(quotas.region_id.mapped("name")),
            COL_PRODUCT: self._longest(
                quotas.product_category_id.mapped("complete_name")
            ),
            COL_TIER_CUSTOMER: self._longest(quotas.customer_tier_id.mapped("name")),
            COL_TIER: self._longest(page["tier_labels"].values()),
        }
        biggest = sum(quotas.mapped("stretch")) + sum(quotas.mapped("actual_amount"))
        for col, _name in AMOUNT_FIELDS:
            texts[col] = [self._amount_text(page, biggest)]
        self._finish_sheet(sheet, columns, texts, row - 1)
        return sheet

    def _write_dimension_formulas(self, sheet, page, row, cached, style=""):
        formats = page["formats"]
        attainment, tier = cached
        actual, target = cell(row, COL_ACTUAL), cell(row, COL_TARGET)
        sheet.write_formula(
            row,
            COL_PCT_TARGET,
            f"=IF({target}>0,{actual}/{target},0)",
            formats[f"{style}percent"],
            attainment,
        )
        sheet.write_formula(
            row,
            COL_TIER,
            self._tier_formula(page, row, TIER_COLUMNS),
            formats["total" if style else "text"],
            page["tier_labels"].get(tier, ""),
        )

    def _write_dimension_total(self, sheet, page, row, quotas):
        formats = page["formats"]
        for col in range(COL_TIER + 1):
            sheet.write_blank(row, col, None, formats["total"])
        sheet.write_string(row, COL_OWNER_TYPE, _("Total"), formats["total"])
        sums = {}
        for col, name in AMOUNT_FIELDS:
            sums[name] = sum(quotas.mapped(name))
            sheet.write_formula(
                row,
                col,
                f"=SUBTOTAL(9,{cell(FIRST_ROW, col)}:{cell(row - 1, col)})",
                formats["total_amount"],
                sums[name],
            )
        actual = sums["actual_amount"]
        tier = "none"
        for name in ("minimum", "target", "stretch"):
            if actual >= sums[name]:
                tier = name
        attainment = actual / sums["target"] if sums["target"] else 0.0
        self._write_dimension_formulas(
            sheet, page, row, (attainment, tier), style="total_"
        )
