# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import _, api, fields, models


class SalesCustomerTierHistory(models.Model):
    """One promotion or demotion of a customer, with the figures behind it."""

    _name = "sales.customer.tier.history"
    _description = "Customer Tier Change"
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    # no index on company_id: a handful of companies, the rule scans anyway
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    old_tier_id = fields.Many2one("sales.customer.tier", string="From Tier")
    new_tier_id = fields.Many2one("sales.customer.tier", string="To Tier")
    change = fields.Selection(
        [
            ("promotion", "Promotion"),
            ("demotion", "Demotion"),
            ("first", "First Tier"),
            ("manual", "Set by Hand"),
        ],
        required=True,
    )
    revenue = fields.Monetary(currency_field="currency_id", aggregator="sum")
    share = fields.Float(string="Revenue Share (%)", digits=(5, 2), aggregator="max")
    cumulative_share = fields.Float(
        string="Cumulative Share (%)", digits=(5, 2), aggregator="max"
    )
    rank = fields.Integer(aggregator="min")

    def _post_chatter_notes(self):
        """Show changes set by hand in the customers' chatter."""
        messages = []
        for history in self:
            history = history.with_context(
                lang=history.company_id.partner_id.lang or self.env.lang
            )
            render = history._note_renderer(history.currency_id)
            messages.append(
                {
                    "model": "res.partner",
                    "res_id": history.partner_id.id,
                    "message_type": "notification",
                    "subtype_id": self.env.ref("mail.mt_note").id,
                    "author_id": self.env.user.partner_id.id,
                    "body": render(
                        history.change,
                        history.old_tier_id.name,
                        history.new_tier_id.name,
                        history.revenue,
                        history.share,
                        history.rank,
                    ),
                }
            )
        # sudo: notes on customers a manager retiered by hand; the right to
        # set the tier was checked before
        self.env["mail.message"].sudo().create(messages)

    @api.model
    def _note_renderer(self, currency):
        """A function rendering the chatter note of one change.

        Labels, the translated sentence and the number format are looked up
        once here: the scheduler renders thousands of notes per batch.
        """
        labels = dict(self._fields["change"]._description_selection(self.env))
        sentence = _(
            "%(change)s: %(old)s → %(new)s. Revenue %(revenue)s, "
            "share %(share).2f %%, rank %(rank)s."
        )
        no_tier = _("no tier")
        amount = self._amount_formatter(currency)

        def render(change, old_name, new_name, revenue, share, rank):
            body = sentence % {
                "change": labels[change],
                "old": old_name or no_tier,
                "new": new_name or no_tier,
                "revenue": amount(revenue or 0.0),
                "share": share or 0.0,
                "rank": rank or "-",
            }
            return Markup("<p>%s</p>") % body

        return render

    @api.model
    def _amount_formatter(self, currency):
        """Format amounts like the user's language and the currency do."""
        lang = self.env["res.lang"]._lang_get(self.env.lang or "en_US")
        thousands = lang.thousands_sep or ""
        point = lang.decimal_point or "."
        digits = currency.decimal_places
        symbol = currency.symbol or ""

        def amount(value):
            text = f"{value:,.{digits}f}"
            text = text.replace(",", "\0").replace(".", point).replace("\0", thousands)
            if currency.position == "before":
                return f"{symbol}\N{NO-BREAK SPACE}{text}"
            return f"{text}\N{NO-BREAK SPACE}{symbol}"

        return amount
