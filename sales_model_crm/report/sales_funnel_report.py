# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class SalesFunnelReport(models.Model):
    """The sales funnel: one row per opportunity and stage it reached.

    A stage is reached by the opportunities that are in it or went past it
    (stages ordered by sequence; a won stage only by won opportunities), so
    the counts narrow from stage to stage as a funnel does, lost ones
    included up to the stage where they were lost. Averages of the 0/100
    flags give the conversion rates; the days in a stage come from the stage
    changes tracked on the opportunity (the current stay of an open
    opportunity counts up to now).
    """

    _name = "sales.funnel.report"
    _description = "Sales Funnel Analysis"
    _auto = False
    _order = "stage_sequence, stage_id, lead_id"
    _rec_name = "lead_id"
    _depends = {
        "crm.lead": [
            "active",
            "company_id",
            "create_date",
            "expected_revenue",
            "partner_id",
            "probability",
            "stage_id",
            "team_id",
            "type",
            "user_id",
        ],
        "crm.stage": ["is_won", "sequence", "team_id"],
        "mail.tracking.value": [
            "field_id",
            "mail_message_id",
            "new_value_integer",
            "old_value_integer",
        ],
    }

    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    stage_id = fields.Many2one("crm.stage", string="Stage", readonly=True)
    stage_sequence = fields.Integer(readonly=True, aggregator="min")
    current_stage_id = fields.Many2one(
        "crm.stage", string="Current Stage", readonly=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    date = fields.Date(
        string="Created On", readonly=True, help="When the opportunity was created."
    )
    lead_count = fields.Integer(string="Opportunities", readonly=True)
    expected_revenue = fields.Monetary(readonly=True)
    next_stage_rate = fields.Float(
        string="To Next Stage (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="Share of the opportunities of this stage that went further.",
    )
    won_rate = fields.Float(
        string="To Won (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="Share of the opportunities of this stage that were won.",
    )
    days_in_stage = fields.Float(
        string="Days in Stage",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Average days the opportunities stayed in this stage.",
    )
    won = fields.Boolean(readonly=True)
    lost = fields.Boolean(readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            WITH moves AS (
                SELECT msg.res_id AS lead_id, msg.date AS at, tv.id AS seq,
                       tv.old_value_integer AS old_stage,
                       tv.new_value_integer AS new_stage
                  FROM mail_tracking_value tv
                  JOIN mail_message msg ON msg.id = tv.mail_message_id
                  JOIN ir_model_fields f ON f.id = tv.field_id
                 WHERE msg.model = 'crm.lead' AND f.model = 'crm.lead'
                   AND f.name = 'stage_id'
                   AND COALESCE(tv.old_value_integer, 0) != 0
            ),
            stays AS (
                SELECT lead_id, new_stage AS stage_id, at, seq FROM moves
                UNION ALL
                -- the first stay: from creation, in the stage it left first
                SELECT l.id, COALESCE(first_move.old_stage, l.stage_id),
                       l.create_date, 0
                  FROM crm_lead l
                  LEFT JOIN LATERAL (
                      SELECT old_stage FROM moves m WHERE m.lead_id = l.id
                       ORDER BY m.at, m.seq LIMIT 1
                  ) first_move ON TRUE
                 WHERE l.type = 'opportunity'
            ),
            durations AS (
                SELECT s.lead_id, s.stage_id,
                       SUM(EXTRACT(EPOCH FROM (
                           COALESCE(s.left_at,
                                    CASE WHEN l.active AND st.is_won IS NOT TRUE
                                         THEN NOW() AT TIME ZONE 'UTC' END)
                           - s.at)) / 86400.0) AS days
                  FROM (
                      SELECT lead_id, stage_id, at,
                             LEAD(at) OVER (PARTITION BY lead_id ORDER BY at, seq)
                                 AS left_at
                        FROM stays
                  ) s
                  JOIN crm_lead l ON l.id = s.lead_id
                  JOIN crm_stage st ON st.id = l.stage_id
                 GROUP BY s.lead_id, s.stage_id
            )
            SELECT ROW_NUMBER() OVER (ORDER BY s.sequence, s.id, l.id) AS id,
                   l.id AS lead_id, s.id AS stage_id, s.sequence AS stage_sequence,
                   l.stage_id AS current_stage_id, l.partner_id, l.user_id,
                   l.team_id, l.company_id, l.create_date::date AS date,
                   1 AS lead_count, COALESCE(l.expected_revenue, 0) AS expected_revenue,
                   CASE WHEN (cur.sequence, cur.id) > (s.sequence, s.id)
                        THEN 100.0 ELSE 0.0 END AS next_stage_rate,
                   CASE WHEN cur.is_won IS TRUE THEN 100.0 ELSE 0.0 END AS won_rate,
                   d.days AS days_in_stage,
                   cur.is_won IS TRUE AS won,
                   l.active IS NOT TRUE AND cur.is_won IS NOT TRUE AS lost
              FROM crm_lead l
              JOIN crm_stage cur ON cur.id = l.stage_id
              JOIN crm_stage s
                ON (s.sequence, s.id) <= (cur.sequence, cur.id)
               AND (s.team_id IS NULL OR s.team_id = l.team_id)
               AND (s.is_won IS NOT TRUE OR cur.is_won IS TRUE)
              LEFT JOIN durations d ON d.lead_id = l.id AND d.stage_id = s.id
             WHERE l.type = 'opportunity'
               -- archived but not lost (probability left) nor won: set aside
               AND (l.active OR l.probability = 0 OR cur.is_won IS TRUE)
            """
        )
