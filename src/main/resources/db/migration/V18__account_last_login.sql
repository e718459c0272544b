-- When the account last logged in through the login form (issue 18: the users page shows it).
alter table app_user add column last_login_at timestamp(6) with time zone;
