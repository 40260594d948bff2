SELECT id, name
FROM leader
ORDER BY name COLLATE "C", id;
SELECT parent.id AS parent_id, parent.total_count, x.*, (
  SELECT coalesce(json_agg(json_build_array(a.id, a.task_id, a.unit_id, a.role, a.position, a.acting_as, a.written_as, u.id, u.name, u.kind, u.needs_review, coalesce((
    SELECT json_agg(ua.alias ORDER BY ua.id)
    FROM unit_alias ua
    WHERE ua.unit_id = u.id), '[]')) ORDER BY a.role, a.position), '[]')
  FROM assignment a
  JOIN unit u ON u.id = a.unit_id
  WHERE a.task_id = x.id) AS r_assignments, (
  SELECT coalesce(json_agg(json_build_array(pu.id, pu.task_id, pu.document_id, pu.period, pu.text, pu.items, pu.status, pu.status_reason, pu.percent, pu.percent_reason, pu.report_id) ORDER BY pu.period, pu.id), '[]')
  FROM progress_update pu
  WHERE pu.task_id = x.id) AS r_progress, (
  SELECT json_build_array(c.id, c.plan_id, c.name, c.position)
  FROM category c
  WHERE c.id = x.category_id) AS r_category, (
  SELECT row_to_json(r)
  FROM (
    SELECT id, plan_id, kind, title, number, issuer, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, year, period, file_name, imported_at
    FROM document
    WHERE id = x.document_id) r) AS r_document
FROM (
  SELECT parent.id, parent.ord, (
    SELECT count(*)::int
    FROM task t
    JOIN plan p ON p.id = t.plan_id
    WHERE EXISTS (
      SELECT 1
      FROM task_leader stl
      WHERE stl.task_id = t.id AND stl.leader_id = parent.id)) AS total_count
  FROM unnest($1::int[]) WITH ORDINALITY AS parent(id, ord)
  OFFSET 0) parent
LEFT JOIN LATERAL (
  SELECT t.id, t.plan_id, p.year, t.section, t.number, t.category_id, t.title, t.content, t.document_id, t.source_line, row_number() OVER (ORDER BY p.year ASC, t.section ASC, t.number ASC, t.id ASC) AS rn
  FROM task t
  JOIN plan p ON p.id = t.plan_id
  WHERE EXISTS (
    SELECT 1
    FROM task_leader stl
    WHERE stl.task_id = t.id AND stl.leader_id = parent.id)
  ORDER BY p.year ASC, t.section ASC, t.number ASC, t.id ASC
  LIMIT $2::int) x ON TRUE
ORDER BY parent.ord, x.rn;
