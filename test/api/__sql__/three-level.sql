SELECT id, name FROM leader ORDER BY name COLLATE "C", id;
SELECT parent.id AS parent_id, x.* FROM unnest($1::int[]) AS parent(id) CROSS JOIN LATERAL ( SELECT t.id, t.plan_id, p.year, t.section, t.number, t.category_id, t.title, t.content, t.document_id, t.source_line FROM task t JOIN plan p ON p.id = t.plan_id WHERE EXISTS (SELECT 1 FROM task_leader stl WHERE stl.task_id = t.id AND stl.leader_id = parent.id) ORDER BY p.year ASC, t.section ASC, t.number ASC, t.id ASC LIMIT $2::int ) x;
SELECT parent.id AS parent_id, (SELECT count(*)::int FROM task t JOIN plan p ON p.id = t.plan_id WHERE EXISTS (SELECT 1 FROM task_leader stl WHERE stl.task_id = t.id AND stl.leader_id = parent.id)) AS count FROM unnest($1::int[]) AS parent(id);
SELECT a.id, a.task_id, a.unit_id, a.role, a.position, a.acting_as, a.written_as, json_build_object('id', u.id, 'name', u.name, 'kind', u.kind, 'needs_review', u.needs_review) AS unit FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = ANY($1::int[]) ORDER BY a.task_id, a.role, a.position;
SELECT pu.id, pu.task_id, pu.document_id, pu.period, pu.text, pu.items, pu.status, pu.status_reason FROM progress_update pu WHERE pu.task_id = ANY($1::int[]) ORDER BY pu.task_id, pu.period, pu.id;
SELECT id, plan_id, kind, title, number, issuer, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, year, period, file_name, imported_at FROM document WHERE id = ANY($1::int[]);
SELECT id, plan_id, name, position FROM category WHERE id = ANY($1::int[]);
SELECT unit_id, alias FROM unit_alias WHERE unit_id = ANY($1::int[]) ORDER BY unit_id, id;
