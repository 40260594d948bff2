WITH base AS MATERIALIZED (
  SELECT t.id, p.year, t.section, t.category_id, p.jurisdiction_id, t.latest_status AS status, (
    SELECT CASE WHEN (t.closed_on IS NOT NULL) THEN 'GREEN' WHEN rk_f.status IS NULL AND rk_f.as_of > rk_f.due THEN 'RED' WHEN rk_f.reports = 0 THEN 'UNKNOWN' WHEN rk_f.status = 'COMPLETED' THEN 'GREEN' WHEN rk_f.status = 'SUSPENDED' OR rk_f.as_of > rk_f.due OR (rk_f.reports >= 2 AND NOT rk_f.in_last AND NOT rk_f.in_prev) THEN 'RED' WHEN (rk_f.percent IS NOT NULL AND LEAST(GREATEST(rk_f.as_of - rk_f.start, 0), rk_f.due - rk_f.start)::float8 * 100 > (rk_f.percent + 15) * (rk_f.due - rk_f.start)::float8) OR (rk_f.status = 'NOT_STARTED' AND rk_f.as_of > make_date(rk_f.year, 3, 31)) OR NOT rk_f.in_last OR (rk_f.due - rk_f.as_of BETWEEN 0 AND 30) THEN 'YELLOW' ELSE 'GREEN' END
    FROM (
      SELECT rk_a.as_of, rk_a.due, rk_a.start, rk_a.year, rk_r.reports, EXISTS (
        SELECT 1
        FROM progress_update rk_x
        WHERE rk_x.task_id = t.id AND COALESCE(rk_x.document_id, (
          SELECT min(rs_d.id)
          FROM document rs_d
          WHERE rs_d.plan_id = t.plan_id AND rs_d.kind = 'PROGRESS_REPORT' AND rs_d.period = rk_x.period), (
          SELECT -rs_r.id
          FROM reporting_round rs_r
          WHERE rs_r.plan_id = t.plan_id AND rs_r.period = rk_x.period)) = rk_r.ids[1]) AS in_last, EXISTS (
        SELECT 1
        FROM progress_update rk_x
        WHERE rk_x.task_id = t.id AND COALESCE(rk_x.document_id, (
          SELECT min(rs_d.id)
          FROM document rs_d
          WHERE rs_d.plan_id = t.plan_id AND rs_d.kind = 'PROGRESS_REPORT' AND rs_d.period = rk_x.period), (
          SELECT -rs_r.id
          FROM reporting_round rs_r
          WHERE rs_r.plan_id = t.plan_id AND rs_r.period = rk_x.period)) = rk_r.ids[2]) AS in_prev, rk_l.status, rk_l.percent
      FROM (
        SELECT COALESCE($1::date, (
          SELECT max(rk_rd.date)
          FROM (
            SELECT rs_d.id AS key, COALESCE(rs_d.issued_on, make_date(rs_d.year, 12, 31)) AS date
            FROM document rs_d
            WHERE rs_d.plan_id = t.plan_id AND rs_d.kind = 'PROGRESS_REPORT'
            UNION ALL
            SELECT -rs_r.id, rs_r.due_on
            FROM reporting_round rs_r
            WHERE rs_r.plan_id = t.plan_id AND NOT EXISTS (
              SELECT 1
              FROM document rs_d
              WHERE rs_d.plan_id = t.plan_id AND rs_d.kind = 'PROGRESS_REPORT' AND rs_d.period = rs_r.period) AND EXISTS (
              SELECT 1
              FROM progress_update rs_u
              JOIN progress_report rs_pr ON rs_pr.id = rs_u.report_id
              WHERE rs_pr.round_id = rs_r.id)) rk_rd), (
          SELECT min(rk_pd.issued_on)
          FROM document rk_pd
          WHERE rk_pd.plan_id = t.plan_id AND rk_pd.kind = 'PLAN'), make_date(p.year, 1, 1)) AS as_of, COALESCE(t.extended_due_on, COALESCE(t.due_on, make_date(p.year, 12, 31))) AS due, make_date(p.year, 1, 1) AS start, p.year) rk_a
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS reports, array_agg(rk_d.key ORDER BY rk_d.date DESC, rk_d.key DESC) AS ids
        FROM (
          SELECT rs_d.id AS key, COALESCE(rs_d.issued_on, make_date(rs_d.year, 12, 31)) AS date
          FROM document rs_d
          WHERE rs_d.plan_id = t.plan_id AND rs_d.kind = 'PROGRESS_REPORT'
          UNION ALL
          SELECT -rs_r.id, rs_r.due_on
          FROM reporting_round rs_r
          WHERE rs_r.plan_id = t.plan_id AND NOT EXISTS (
            SELECT 1
            FROM document rs_d
            WHERE rs_d.plan_id = t.plan_id AND rs_d.kind = 'PROGRESS_REPORT' AND rs_d.period = rs_r.period) AND EXISTS (
            SELECT 1
            FROM progress_update rs_u
            JOIN progress_report rs_pr ON rs_pr.id = rs_u.report_id
            WHERE rs_pr.round_id = rs_r.id)) rk_d
        WHERE rk_d.date <= rk_a.as_of) rk_r
      LEFT JOIN LATERAL (
        SELECT rk_x.status, rk_x.percent
        FROM progress_update rk_x
        JOIN (
          SELECT rs_d.id AS key, COALESCE(rs_d.issued_on, make_date(rs_d.year, 12, 31)) AS date
          FROM document rs_d
          WHERE rs_d.plan_id = t.plan_id AND rs_d.kind = 'PROGRESS_REPORT'
          UNION ALL
          SELECT -rs_r.id, rs_r.due_on
          FROM reporting_round rs_r
          WHERE rs_r.plan_id = t.plan_id AND NOT EXISTS (
            SELECT 1
            FROM document rs_d
            WHERE rs_d.plan_id = t.plan_id AND rs_d.kind = 'PROGRESS_REPORT' AND rs_d.period = rs_r.period) AND EXISTS (
            SELECT 1
            FROM progress_update rs_u
            JOIN progress_report rs_pr ON rs_pr.id = rs_u.report_id
            WHERE rs_pr.round_id = rs_r.id)) rk_d ON rk_d.key = COALESCE(rk_x.document_id, (
          SELECT min(rs_d.id)
          FROM document rs_d
          WHERE rs_d.plan_id = t.plan_id AND rs_d.kind = 'PROGRESS_REPORT' AND rs_d.period = rk_x.period), (
          SELECT -rs_r.id
          FROM reporting_round rs_r
          WHERE rs_r.plan_id = t.plan_id AND rs_r.period = rk_x.period))
        WHERE rk_x.task_id = t.id AND rk_d.date <= rk_a.as_of
        ORDER BY rk_d.date DESC, rk_d.key DESC
        LIMIT 1) rk_l ON TRUE) rk_f) AS risk
  FROM task t
  LEFT JOIN plan p ON p.id = t.plan_id
  WHERE (p.year = $2::int AND t.risk_level = ANY($3::text[]))), grouped AS (
  SELECT tl.leader_id AS leader_id, asg.unit_id AS unit_id, asg.role AS role, b.risk AS risk, count(*) AS n, count(*) FILTER (WHERE b.status = 'COMPLETED') AS completed, count(*) FILTER (WHERE asg.role = 'LEAD') AS lead, count(*) FILTER (WHERE asg.role = 'LEAD' AND b.status = 'COMPLETED') AS lead_completed, count(*) FILTER (WHERE b.risk = 'RED') AS red, count(*) FILTER (WHERE b.risk = 'YELLOW') AS yellow, count(*) FILTER (WHERE b.risk = 'GREEN') AS green
  FROM base b
  LEFT JOIN task_leader tl ON tl.task_id = b.id
  LEFT JOIN assignment asg ON asg.task_id = b.id
  GROUP BY tl.leader_id, asg.unit_id, asg.role, b.risk)
SELECT ld.id AS leader_id, ld.name AS leader, un.id AS unit_id, un.name AS unit, un.kind AS unit_kind, un.needs_review AS unit_needs_review, g.role AS role, g.risk AS risk, g.n::int AS count, g.completed::int AS completed, g.lead_completed::float8 / NULLIF(g.lead, 0) AS completion_rate, g.red::int AS red, g.yellow::int AS yellow, g.green::int AS green, (g.n - g.red - g.yellow - g.green)::int AS unknown, (g.red + g.yellow)::int AS at_risk
FROM grouped g
LEFT JOIN leader ld ON ld.id = g.leader_id
LEFT JOIN unit un ON un.id = g.unit_id
ORDER BY ld.name NULLS LAST, ld.id NULLS LAST, un.name NULLS LAST, un.id NULLS LAST, g.role NULLS LAST, g.risk NULLS LAST
LIMIT $4::int;
