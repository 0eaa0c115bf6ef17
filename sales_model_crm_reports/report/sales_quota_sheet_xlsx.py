# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xlsxwriter.utility import xl_col_to_name

from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_datetime

from .sales_quota_sheet_activity import ActivitySheet
from .sales_quota_sheet_common import (
    DIMENSION_FIELDS,
    FIRST_ROW,
    HEADER_ROW,
    INPUT_COLOUR,
    NOTE_ROW,
    SCOPE_ROW,
    TIER_COLOURS,
    TITLE_ROW,
    cell,
)
from .sales_quota_sheet_decomposition import DecompositionSheet
from .sales_quota_sheet_dimension import DimensionSheet
from .sales_quota_sheet_month import MonthSheet
from .sales_quota_sheet_summary import SummarySheet


class SalesQuotaSheetXlsx(
    SummarySheet,
    MonthSheet,
    DimensionSheet,
    DecompositionSheet,
    ActivitySheet,
    models.AbstractModel,
):
    """The quarter's quota sheet (任务表) as a workbook managers rework in Excel.

    Totals, percentages, tiers and the reverse funnel are formulas (with their
    results cached for viewers that do not compute), so the sheet follows when
    a manager edits a number. The sheets are written row by row, top to
    bottom, in xlsxwriter's constant-memory mode: each sheet first gathers its
    rows from a few batched reads, then writes them in one pass.

    Each sheet is written by a mixin of its own (``sales_quota_sheet_*.py``).
    """

    _name = "report.sales_model_crm_reports.quota_sheet_xlsx"
    _inherit = "report.sales_model_crm_reports.xlsx_base"
    _description = "Quota Sheet Workbook"
    _export_model = "sales.quota.sheet.export"

    # --- access and quotas

    def get_workbook_options(self):
        # rows go to a temporary file as soon as the next row starts: memory
        # stays flat for 1,000 salespeople x 12 months
        return dict(super().get_workbook_options(), constant_memory=True)

    def _check_report_access(self):
        """Salespeople and their managers only.

        The Print menu and the export wizard are offered to the export roles
        (team managers, directors). A salesperson calling the download route
        by hand gets their own quotas only (record rules apply): figures they
        see on their quota form, no customer data.
        """
        if self.env.su or self.env.user.has_group("sales_team.group_sale_salesman"):
            return
        raise AccessError(_("Only the sales team may export quota sheets."))

    def _get_objs_for_report(self, docids, data):
        export = self._get_export(data)
        if export:
            quotas = export._get_quotas()
        else:
            quotas = super(
                SalesQuotaSheetXlsx, self.with_context(active_model="sales.quota")
            )._get_objs_for_report(docids, data)
        quotas.check_access("read")
        if len(quotas.company_id) > 1:
            raise UserError(_("Export the quota sheet of one company at a time."))
        if len(set(quotas.mapped("basis"))) > 1:
            raise UserError(
                _(
                    "Export quotas of one basis at a time (sales, invoiced, "
                    "collected...): their amounts do not add up."
                )
            )
        return quotas

    def _get_download_file_name(self, docids, data):
        """The file name with periods and team, for the download route."""
        export = self._get_export(data)
        if export:
            return export._get_file_name() + ".xlsx"
        quotas = self.env["sales.quota"].browse(docids or [])
        team = quotas.team_id if len(quotas.team_id) == 1 else quotas.team_id[:0]
        export = self.env["sales.quota.sheet.export"]
        return export._file_name(quotas.period_id, team) + ".xlsx"

    def _split_quotas(self, quotas):
        """(the salespeople's overall quotas, the teams', the others).

        The salespeople's overall quotas make the Summary, By Month,
        Decomposition and Activity sheets; the teams' overall quotas have
        their own section in Summary and By Month, with their own total: a
        team's quota is the parent of its salespeople's, and one total over
        both counted it twice. Quotas of a region, product line or customer
        tier, and of an agent go to By Dimension, where adding them to the
        salespeople's would count the same sales twice.
        """

        def sort_key(quota):
            return (
                quota.team_id.name or "",
                quota.team_id.id,
                quota.user_id.name or "",
                quota.date_start,
                quota.id,
            )

        overall = quotas.filtered(
            lambda quota: quota.owner_type in ("user", "team")
            and not any(quota[name] for name in DIMENSION_FIELDS)
        )
        users = overall.filtered(lambda quota: quota.owner_type == "user")
        teams = overall - users
        return users.sorted(sort_key), teams.sorted(sort_key), quotas - overall

    def _one_period_level(self, quotas):
        """``quotas`` without the period parts of a line among them.

        A month split from a quarter that is exported too is shown in By
        Month, not added to its quarter in Summary's totals.
        """
        return quotas.filtered(
            lambda quota: not (quota.is_period_part and quota.parent_id in quotas)
        )

    # --- workbook

    def generate_xlsx_report(self, workbook, data, quotas):
        overall, teams, others = self._split_quotas(quotas)
        page = self._get_page(workbook, quotas, self._get_export(data))
        # the order of the tabs; the Activity sheet points at the
        # Decomposition's daily targets, whose rows are the same
        self._write_summary_sheet(
            workbook,
            page,
            self._one_period_level(overall),
            teams=self._one_period_level(teams),
        )
        self._write_month_sheet(workbook, page, overall, teams=teams)
        self._write_dimension_sheet(workbook, page, others)
        decomposition = self._write_decomposition_sheet(workbook, page, overall)
        self._write_activity_sheet(workbook, page, overall, decomposition)

    def _get_page(self, workbook, quotas, export):
        """What every sheet shares: scope, formats, labels."""
        company = quotas.company_id[:1] or export.company_id or self.env.company
        periods = export.period_ids or quotas.period_id
        teams = export.team_id or quotas.team_id
        if export and not export.team_id or len(teams) != 1:
            team_label = _("All teams")
        else:
            team_label = teams.name
        is_count = bool(quotas) and quotas[0].is_count
        currency = company.currency_id
        tier_labels = dict(
            self.env["sales.quota"]
            ._fields["tier_reached"]
            ._description_selection(self.env)
        )
        return {
            "company": company.name,
            "currency": currency,
            "periods": ", ".join(periods.sorted("date_start").mapped("name")),
            "team": team_label,
            # in the user's time zone (format_datetime reads it)
            "generated": format_datetime(self.env, fields.Datetime.now()),
            "is_count": is_count,
            "tier_labels": tier_labels,
            "formats": self._get_formats(workbook, currency, is_count),
        }

    def _get_formats(self, workbook, currency, is_count):
        money = self._get_money_format(currency)
        amount = "#,##0" if is_count else money
        formats = self._get_format_specs(money)
        total = formats["total"]
        entry = {"bg_color": INPUT_COLOUR, "border": 1, "border_color": "#BF9000"}
        formats.update(
            {
                "integer": {"num_format": "#,##0"},
                "decimal": {"num_format": "#,##0.0"},
                "amount": {"num_format": amount},
                "percent": {"num_format": "0.0%"},
                "input_amount": dict(entry, num_format=amount),
                "input_decimal": dict(entry, num_format="#,##0.0"),
                "input_integer": dict(entry, num_format="0"),
                "total_integer": dict(total, num_format="#,##0"),
                "total_decimal": dict(total, num_format="#,##0.0"),
                "total_amount": dict(total, num_format=amount),
                "total_percent": dict(total, num_format="0.0%"),
            }
        )
        formats = {key: workbook.add_format(value) for key, value in formats.items()}
        for tier, colour in TIER_COLOURS.items():
            formats[f"tier_{tier}"] = workbook.add_format({"bg_color": colour})
        return formats

    # --- sheet scaffolding

    def _add_sheet(self, workbook, page, name, title, columns, note=None):
        """A sheet with its title rows, header row and print set-up.

        ``columns`` are (header, kind) pairs; kind "text" aligns left, any
        other right. Rows 0-3 are written here, so the caller writes from
        FIRST_ROW on (constant-memory mode writes top to bottom).
        """
        formats = page["formats"]
        sheet = workbook.add_worksheet(self._sheet_name(name))
        sheet.write_string(TITLE_ROW, 0, title, formats["title"])
        scope = _(
            "%(company)s · Period: %(periods)s · Team: %(team)s · generated on "
            "%(date)s by %(user)s",
            company=page["company"],
            periods=page["periods"] or "-",
            team=page["team"],
            date=page["generated"],
            user=self.env.user.name,
        )
        sheet.write_string(SCOPE_ROW, 0, scope, formats["subtitle"])
        if note:
            sheet.write_string(NOTE_ROW, 0, note, formats["subtitle"])
        for col, (header, kind) in enumerate(columns):
            header_format = formats["header" if kind == "text" else "header_number"]
            sheet.write_string(HEADER_ROW, col, header, header_format)
        scope_header = _(
            "%(periods)s · %(team)s",
            periods=page["periods"][:60],
            team=page["team"][:40],
        )
        self._set_print_layout(
            sheet, scope_header, title[:60], page["generated"], margin=0.4
        )
        sheet.freeze_panes(FIRST_ROW, 2)
        return sheet

    def _finish_sheet(self, sheet, columns, texts, last_row):
        """Autofilter over the rows and column widths that fit.

        ``texts`` maps a column to the longest texts written in it.
        """
        sheet.autofilter(HEADER_ROW, 0, max(last_row, HEADER_ROW), len(columns) - 1)
        for col, (header, kind) in enumerate(columns):
            minimum = 8 if kind == "text" else 11
            # headers wrap beyond 16 characters
            width = self._fit_width(
                header, texts.get(col, ()), minimum, maximum=50, header_max=16
            )
            sheet.set_column(col, col, width)

    def _write_empty(self, sheet, page, message):
        sheet.write_string(FIRST_ROW, 0, message, page["formats"]["text"])

    def _add_tier_formats(self, sheet, page, cells, first_row, last_row, tiers):
        """Colour ``cells`` by the tier the row's actual reaches.

        ``tiers`` = (actual, minimum, target, stretch) columns. Red below the
        minimum, amber from the minimum, green from the target, gold from the
        stretch; the first rule that holds wins.
        """
        if last_row < first_row:
            return
        # column fixed, row relative to the range's first row
        actual, minimum, target, stretch = (
            f"${xl_col_to_name(col)}{first_row + 1}" for col in tiers
        )
        ranges = " ".join(
            f"{cell(first_row, col)}:{cell(last_row, col)}" for col in cells
        )
        formats = page["formats"]
        rules = (
            ("stretch", f"=AND({stretch}>0,{actual}>={stretch})"),
            ("target", f"=AND({target}>0,{actual}>={target})"),
            ("minimum", f"={actual}>={minimum}"),
            ("none", f"={actual}<{minimum}"),
        )
        col = cells[0]
        for tier, formula in rules:
            sheet.conditional_format(
                first_row,
                col,
                last_row,
                col,
                {
                    "type": "formula",
                    "criteria": formula,
                    "format": formats[f"tier_{tier}"],
                    "multi_range": ranges,
                    "stop_if_true": True,
                },
            )

    def _add_data_bar(self, sheet, first_row, last_row, col, colour="#63BE7B"):
        if last_row < first_row:
            return
        sheet.conditional_format(
            first_row,
            col,
            last_row,
            col,
            # the classic (Excel 2007) bar: the 2010 one adds an x14
            # extension that openpyxl drops with a warning
            {
                "type": "data_bar",
                "bar_color": colour,
                "data_bar_2010": False,
                "min_type": "num",
                "min_value": 0,
                "max_type": "num",
                "max_value": 1,
            },
        )

    def _tier_formula(self, page, row, tiers):
        """The tier reached as a formula over the row's actual and tiers."""
        actual, minimum, target, stretch = (cell(row, col) for col in tiers)
        labels = {
            tier: '"{}"'.format(label.replace('"', '""'))
            for tier, label in page["tier_labels"].items()
        }
        return (
            f"=IF({actual}>={stretch},{labels['stretch']},"
            f"IF({actual}>={target},{labels['target']},"
            f"IF({actual}>={minimum},{labels['minimum']},{labels['none']})))"
        )

    def _owner_texts(self, quota):
        """Team, owner and period of ``quota``'s row: a team's own quota says
        so in the owner's column, where its salespeople's names stand."""
        owner = quota.user_id.name if quota.owner_type == "user" else _("Team quota")
        return (quota.team_id.name, owner, quota.period_id.name)

    def _write_texts(self, sheet, row, texts, cell_format):
        # user data is always written as text: a name such as
        # =HYPERLINK("...") must not become a formula
        for col, text in texts:
            if text:
                sheet.write_string(row, col, text, cell_format)

    # --- helpers

    def _sheet_ref(self, sheet):
        return "'{}'".format(sheet.name.replace("'", "''"))

    def _longest(self, texts):
        """The few longest texts of a column (widths need no more)."""
        return sorted({text for text in texts if text}, key=len)[-3:]

    def _amount_text(self, page, amount):
        """About what Excel shows for ``amount``, bold totals included."""
        if page["is_count"]:
            return f"{amount:,.0f}  "
        return self._money_text(page["currency"], amount)
