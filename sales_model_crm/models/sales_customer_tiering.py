# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from .batch_isolation import run_isolated

_logger = logging.getLogger(__name__)

CHANGES_TABLE = "sales_model_tier_changes"
# first key of the advisory lock that serializes tiering runs of a company
TIERING_LOCK_KEY = 51_782


class SalesCustomerTiering(models.AbstractModel):
    """The tiering engine: revenue per customer, Pareto ranking, tier writes.

    The ranking runs in one SQL statement per company (one GROUP BY over the
    revenue documents, window functions for rank and cumulative share) and
    returns only the customers whose tier changes. Those are written in
    batches: one UPDATE of the tiers, one INSERT for the history and one for
    the chatter notes per batch, whatever its size. A rerun on unchanged data
    writes nothing.
    """

    _name = "sales.customer.tiering"
    _description = "Customer Tiering Engine"

    # --- revenue per basis: (commercial partner, revenue in company currency)

    @api.model
    def _revenue_query(self, company, date_from, partners=None):
        """Revenue per commercial partner on the company's tier basis.

        With ``partners``, only theirs (for a form or a list).
        """
        method = getattr(self, f"_revenue_query_{company.sales_tier_basis}")
        return method(company, date_from, partners)

    @api.model
    def _partner_filter(self, column, partners):
        if partners is None:
            return SQL()
        return SQL("AND %s = ANY(%s)", column, list(partners.ids))

    @api.model
    def _partner_revenue(self, company, partners):
        """{commercial partner id: revenue over the window} for ``partners``."""
        if not partners:
            return {}
        self.env.flush_all()
        query = self._revenue_query(company, self._date_from(company), partners)
        self.env.cr.execute(query)
        return dict(self.env.cr.fetchall())

    @api.model
    def _revenue_query_invoiced(self, company, date_from, partners=None):
        # invoice lines carry the commercial partner; balance is negative for
        # revenue and positive for refunds, in company currency
        return SQL(
            """
            SELECT aml.partner_id AS partner_id, -SUM(aml.balance) AS revenue
              FROM account_move_line aml
              JOIN account_move move ON move.id = aml.move_id
             WHERE aml.company_id = %(company)s
               AND aml.parent_state = 'posted'
               AND aml.display_type = 'product'
               AND aml.date >= %(date_from)s
               AND aml.partner_id IS NOT NULL
               AND move.move_type IN ('out_invoice', 'out_refund')
               %(partner_filter)s
             GROUP BY aml.partner_id
            """,
            company=company.id,
            date_from=date_from,
            partner_filter=self._partner_filter(SQL("aml.partner_id"), partners),
        )

    @api.model
    def _revenue_query_sales(self, company, date_from, partners=None):
        return SQL(
            """
            SELECT partner.commercial_partner_id AS partner_id,
                   SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))
                       AS revenue
              FROM sale_order so
              JOIN res_partner partner ON partner.id = so.partner_id
             WHERE so.company_id = %(company)s
               AND so.state = 'sale'
               AND so.date_order >= %(date_from)s
               %(partner_filter)s
             GROUP BY partner.commercial_partner_id
            """,
            company=company.id,
            date_from=date_from,
            partner_filter=self._partner_filter(
                SQL("partner.commercial_partner_id"), partners
            ),
        )

    @api.model
    def _revenue_query_collected(self, company, date_from, partners=None):
        # inbound customer payments count, outbound ones (refunds paid) deduct
        return SQL(
            """
            SELECT partner.commercial_partner_id AS partner_id,
                   SUM(pay.amount_company_currency_signed) AS revenue
              FROM account_payment pay
              JOIN res_partner partner ON partner.id = pay.partner_id
             WHERE pay.company_id = %(company)s
               AND pay.partner_type = 'customer'
               AND pay.state IN ('in_process', 'paid')
               AND pay.date >= %(date_from)s
               %(partner_filter)s
             GROUP BY partner.commercial_partner_id
            """,
            company=company.id,
            date_from=date_from,
            partner_filter=self._partner_filter(
                SQL("partner.commercial_partner_id"), partners
            ),
        )

    # --- ranking

    @api.model
    def _date_from(self, company):
        today = fields.Date.context_today(self)
        return today - relativedelta(months=company.sales_tier_window_months)

    @api.model
    def _ranking_query(self, company, date_from=None):
        """Revenue, rank, share and cumulative share of every customer.

        Customers with equal revenue share one rank and one cumulative share
        "before" them (ties at a cut fall on the same side). Customers whose
        refunds outweigh their invoices have no share.
        """
        date_from = date_from or self._date_from(company)
        return SQL(
            """
            WITH revenue AS (%(revenue)s),
            positive AS (SELECT * FROM revenue WHERE revenue > 0)
            SELECT partner_id, revenue,
                   RANK() OVER (ORDER BY revenue DESC) AS rank,
                   100.0 * revenue / SUM(revenue) OVER () AS share,
                   -- the running total includes the tied customers (same
                   -- revenue): subtracting their sum gives the share of the
                   -- customers strictly above, in linear time (an EXCLUDE
                   -- GROUP frame is evaluated row by row: quadratic)
                   100.0 * (SUM(revenue) OVER (ORDER BY revenue DESC)
                            - SUM(revenue) OVER (PARTITION BY revenue))
                       / SUM(revenue) OVER () AS share_before,
                   100.0 * SUM(revenue) OVER (ORDER BY revenue DESC)
                       / SUM(revenue) OVER () AS cumulative_share
              FROM positive
            UNION ALL
            SELECT partner_id, revenue, NULL, 0, 100, 100
              FROM revenue WHERE revenue <= 0
            """,
            revenue=self._revenue_query(company, date_from),
        )

    @api.model
    def _changes_query(self, company, tiers):
        """Customers whose computed tier differs from their current one.

        Locked and archived customers keep their tier (their revenue still
        counts in the total). Customers who held a tier and have no revenue in
        the window any more fall to the last tier.
        """
        # tiers in order, as one CASE: the first whose cut and floor fit
        tier_cases = SQL(" ").join(
            SQL(
                "WHEN ranked.share_before < %s AND ranked.revenue >= %s THEN %s",
                tier.cumulative_share,
                tier.revenue_floor,
                tier.id,
            )
            for tier in tiers
        )
        last_tier = tiers[-1]
        company_key = str(company.id)
        return SQL(
            """
            WITH ranked AS MATERIALIZED (%(ranking)s)
            SELECT partner.id AS partner_id,
                   CASE WHEN ranked.rank IS NULL THEN %(last_tier)s
                        %(tier_cases)s
                        ELSE %(last_tier)s END AS tier_id,
                   (partner.sales_tier_id ->> %(company_key)s)::int AS old_tier_id,
                   COALESCE(ranked.revenue, 0) AS revenue,
                   ranked.rank,
                   COALESCE(ranked.share, 0) AS share,
                   COALESCE(ranked.cumulative_share, 100) AS cumulative_share
              FROM res_partner partner
              -- one pass over the partners: the ranked customers, and those
              -- who hold a tier without revenue in the window any more
              LEFT JOIN ranked ON ranked.partner_id = partner.id
             WHERE (ranked.partner_id IS NOT NULL
                    OR partner.sales_tier_id ? %(company_key)s)
               AND partner.active
               AND NOT COALESCE(
                   (partner.sales_tier_locked ->> %(company_key)s)::boolean, FALSE)
               AND (partner.sales_tier_id ->> %(company_key)s)::int
                   IS DISTINCT FROM (CASE WHEN ranked.rank IS NULL THEN %(last_tier)s
                                          %(tier_cases)s
                                          ELSE %(last_tier)s END)
            """,
            ranking=self._ranking_query(company),
            tier_cases=tier_cases,
            last_tier=last_tier.id,
            company_key=company_key,
        )

    # --- writing

    @api.model
    def _recompute_tiers(self, companies, limit=None, batch_size=2000):
        """Retier the customers of ``companies``.

        Return how many customers changed tier and how many changes are left.

        With ``limit``, stop after that many changes (the rest is found again
        by the next call, so an interrupted run resumes where it stopped).
        """
        done = remaining = 0
        for company in companies:
            if limit and done >= limit:
                remaining += 1  # not looked at yet: the next call will
                continue
            tiers = self.env["sales.customer.tier"]._get_company_tiers(company)
            if not tiers:
                continue
            company_done, company_remaining = self._recompute_company_tiers(
                company, tiers, limit and limit - done, batch_size
            )
            done += company_done
            remaining += company_remaining
        return done, remaining

    @api.model
    def _recompute_company_tiers(self, company, tiers, limit, batch_size):
        cr = self.env.cr
        # the scheduler and a manager's button must not write the same changes
        # twice: a second run waits for the first to commit, then finds
        # nothing left to do
        cr.execute(
            SQL("SELECT pg_advisory_xact_lock(%s, %s)", TIERING_LOCK_KEY, company.id)
        )
        self.env.flush_all()
        cr.execute(SQL("DROP TABLE IF EXISTS %s", SQL.identifier(CHANGES_TABLE)))
        cr.execute(
            SQL(
                "CREATE TEMP TABLE %s ON COMMIT DROP AS %s",
                SQL.identifier(CHANGES_TABLE),
                self._changes_query(company, tiers),
            )
        )
        last_partner_id, done = 0, 0
        while not limit or done < limit:
            size = min(batch_size, limit - done) if limit else batch_size
            cr.execute(
                SQL(
                    """SELECT * FROM %s WHERE partner_id > %s
                        ORDER BY partner_id LIMIT %s""",
                    SQL.identifier(CHANGES_TABLE),
                    last_partner_id,
                    size,
                )
            )
            rows = cr.dictfetchall()
            if not rows:
                break
            self._apply_tier_changes_isolated(company, tiers, rows)
            last_partner_id = rows[-1]["partner_id"]
            done += len(rows)
        cr.execute(
            SQL(
                "SELECT COUNT(*) FROM %s WHERE partner_id > %s",
                SQL.identifier(CHANGES_TABLE),
                last_partner_id,
            )
        )
        remaining = cr.fetchone()[0]
        cr.execute(SQL("DROP TABLE %s", SQL.identifier(CHANGES_TABLE)))
        _logger.info(
            "Tiering of %s: %s customers changed tier, %s left",
            company.name,
            done,
            remaining,
        )
        return done, remaining

    @api.model
    def _apply_tier_changes_isolated(self, company, tiers, rows):
        """``_apply_tier_changes``, with one bad customer logged and skipped.

        Without this, one customer whose change fails (a constraint, an
        override of the history or the chatter) failed the whole run, every
        day, and nobody was retiered any more; the skipped one is tried again
        by the next run.
        """
        run_isolated(
            self.env,
            rows,
            lambda part: self._apply_tier_changes(company, tiers, part),
            "Tiering: partner %s not retiered: skipped",
            _logger,
            name="Tiering",
            key=lambda row: row["partner_id"],
        )

    @api.model
    def _apply_tier_changes(self, company, tiers, rows):
        rank_of = {tier.id: index for index, tier in enumerate(tiers)}
        for row in rows:
            row["change"] = self._change_kind(row, rank_of)
        self._write_tiers(company, rows)
        self._insert_history(company, rows)
        self._insert_chatter_notes(company, tiers, rows)
        self.env.invalidate_all()

    @api.model
    def _write_tiers(self, company, rows):
        """Set the company's key of the tier column, one UPDATE per batch.

        The ORM would split the update by tier and by 100 rows; nothing
        computed depends on the tier, so the column is written directly and
        the cache invalidated after the batch.
        """
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner partner
                   SET sales_tier_id = COALESCE(partner.sales_tier_id, '{}'::jsonb)
                       || jsonb_build_object(%(company_key)s, change.tier_id)
                  FROM unnest(%(partners)s::int[], %(tiers)s::int[])
                       AS change(partner_id, tier_id)
                 WHERE partner.id = change.partner_id
                """,
                company_key=str(company.id),
                partners=[row["partner_id"] for row in rows],
                tiers=[row["tier_id"] for row in rows],
            )
        )

    @api.model
    def _change_kind(self, row, rank_of):
        old, new = row["old_tier_id"], row["tier_id"]
        if not old:
            return "first"
        if rank_of.get(new, 0) < rank_of.get(old, 0):
            return "promotion"
        return "demotion"

    @api.model
    def _insert_history(self, company, rows):
        """One INSERT per batch, whatever its size (the ORM splits by 100)."""
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO sales_customer_tier_history
                       (partner_id, company_id, date, old_tier_id, new_tier_id,
                        change, revenue, share, cumulative_share, rank,
                        create_uid, create_date, write_uid, write_date)
                SELECT partner_id, %(company)s, %(now)s, old_tier_id, new_tier_id,
                       change, revenue, share, cumulative_share, rank,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(partners)s::int[], %(old)s::int[], %(new)s::int[],
                              %(changes)s::varchar[], %(revenues)s::numeric[],
                              %(shares)s::float8[], %(cumulative)s::float8[],
                              %(ranks)s::int[])
                       AS row(partner_id, old_tier_id, new_tier_id, change,
                              revenue, share, cumulative_share, rank)
                """,
                company=company.id,
                now=fields.Datetime.now(),
                uid=self.env.uid,
                partners=[row["partner_id"] for row in rows],
                old=[row["old_tier_id"] for row in rows],
                new=[row["tier_id"] for row in rows],
                changes=[row["change"] for row in rows],
                revenues=[row["revenue"] for row in rows],
                shares=[row["share"] for row in rows],
                cumulative=[row["cumulative_share"] for row in rows],
                ranks=[row["rank"] or 0 for row in rows],
            )
        )

    @api.model
    def _insert_chatter_notes(self, company, tiers, rows):
        """Show promotions and demotions in the chatter: one INSERT per batch.

        A customer's first tier is kept in the history only: on a database
        that is tiered for the first time, a note on every customer would bury
        the chatter (and double the cost of the run). The note is rendered
        once, in the company's language, for everyone who reads the chatter;
        it is a plain internal note of OdooBot.
        """
        rows = [row for row in rows if row["change"] != "first"]
        if not rows:
            return
        history_model = self.env["sales.customer.tier.history"].with_context(
            lang=company.partner_id.lang or self.env.lang
        )
        names = {tier.id: tier.name for tier in tiers.with_env(history_model.env)}
        names.update(
            (tier.id, tier.name)
            for tier in self.env["sales.customer.tier"]
            .with_env(history_model.env)
            .browse({row["old_tier_id"] for row in rows} - set(names))
            .exists()
        )
        render = history_model._note_renderer(company.currency_id)
        bodies = [
            str(
                render(
                    row["change"],
                    names.get(row["old_tier_id"]),
                    names.get(row["tier_id"]),
                    row["revenue"],
                    row["share"],
                    row["rank"],
                )
            )
            for row in rows
        ]
        author = self.env.ref("base.partner_root")
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_message
                       (model, res_id, body, message_type, subtype_id,
                        is_internal, author_id, email_from, reply_to, date,
                        create_uid, create_date, write_uid, write_date)
                SELECT 'res.partner', note.res_id, note.body,
                       'notification', %(subtype)s, TRUE, %(author)s, %(email)s,
                       %(email)s, %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(partners)s::int[], %(bodies)s::text[])
                       AS note(res_id, body)
                """,
                subtype=self.env.ref("mail.mt_note").id,
                author=author.id,
                email=author.email_formatted,
                now=fields.Datetime.now(),
                uid=self.env.uid,
                partners=[row["partner_id"] for row in rows],
                bodies=bodies,
            )
        )

    # --- scheduled action

    @api.model
    def _cron_recompute_tiers(self, limit=20000):
        """Daily retiering of every company, in chunks the cron framework commits."""
        companies = self.env["res.company"].search([])
        done, remaining = self._recompute_tiers(companies, limit=limit)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done
