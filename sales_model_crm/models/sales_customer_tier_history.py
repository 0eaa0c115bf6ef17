# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import _, fields, models
from odoo.tools import format_amount


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
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
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
    user_id = fields.Many2one(
        "res.users",
        string="Changed By",
        default=lambda self: self.env.user,
        help="Who set the tier by hand; the scheduler for automatic changes.",
    )

    def _post_chatter_notes(self):
        """Show each change in the customer's chatter, in one INSERT per batch.

        The note is written in the company's language: it is rendered once,
        for everyone who reads the chatter.
        """
        note_subtype = self.env.ref("mail.mt_note")
        author = self.env.ref("base.partner_root")
        # given here, these would otherwise be looked up message by message
        email_from = author.email_formatted
        messages = []
        for history in self:
            lang = history.company_id.partner_id.lang or self.env.lang
            history = history.with_context(lang=lang)
            messages.append(
                {
                    "model": "res.partner",
                    "res_id": history.partner_id.id,
                    "message_type": "notification",
                    "subtype_id": note_subtype.id,
                    "author_id": author.id,
                    "email_from": email_from,
                    "reply_to": email_from,
                    "record_name": history.partner_id.display_name,
                    "body": history._chatter_note_body(),
                }
            )
        # sudo: notes on customers the scheduler or a manager retiered; the
        # caller's right to retier was checked before
        self.env["mail.message"].sudo().create(messages)

    def _chatter_note_body(self):
        self.ensure_one()
        labels = dict(self._fields["change"]._description_selection(self.env))
        body = _(
            "%(change)s: %(old)s → %(new)s. Revenue %(revenue)s, "
            "share %(share).2f %%, rank %(rank)s.",
            change=labels[self.change],
            old=self.old_tier_id.name or _("no tier"),
            new=self.new_tier_id.name or _("no tier"),
            revenue=format_amount(self.env, self.revenue, self.currency_id),
            share=self.share,
            rank=self.rank or "-",
        )
        return Markup("<p>%s</p>") % body
