-- Tenant isolation in the database itself: every table holding a workspace's rows shows and
-- accepts only the rows of the workspace the connection is set to ('*' for system work that spans
-- workspaces; unset or empty for none). The app sets it before each statement from the scope of
-- the work that sends it, and runs as license_desk_tenant, which owns nothing, so the policies
-- apply even when it connects as a superuser. FORCE makes them apply to the owner too.
DO $$ BEGIN
  CREATE ROLE license_desk_tenant NOLOGIN;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'License Desk runs its queries as the role license_desk_tenant, and % may not create roles', current_user
      USING HINT = format('As a superuser, run: CREATE ROLE license_desk_tenant NOLOGIN; GRANT license_desk_tenant TO %I; then start again.', current_user);
END $$;
--> statement-breakpoint
DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'license_desk_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT license_desk_tenant TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION '% is not a member of license_desk_tenant and may not make itself one', current_user
    USING HINT = format('As a superuser, run: GRANT license_desk_tenant TO %I; then start again.', current_user);
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO license_desk_tenant;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_desk_tenant;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO license_desk_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO license_desk_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO license_desk_tenant;
--> statement-breakpoint
ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workspaces FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON workspaces
  USING (id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE admin_notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE admin_notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON admin_notifications
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assignments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON assignments
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON audit_log
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE bulk_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE bulk_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON bulk_changes
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE device_installs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE device_installs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON device_installs
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE license_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE license_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON license_requests
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE non_user_mailboxes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE non_user_mailboxes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON non_user_mailboxes
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON outbox
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON people
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE products FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON products
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE reminders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reminders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON reminders
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE request_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE request_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON request_messages
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE restore_windows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE restore_windows FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON restore_windows
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE service_data ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_data FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON service_data
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE service_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON service_plans
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE slack_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE slack_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON slack_deliveries
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
--> statement-breakpoint
ALTER TABLE view_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE view_drafts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_scope ON view_drafts
  USING (workspace_id = current_setting('license_desk.workspace_id', true) OR current_setting('license_desk.workspace_id', true) = '*');
