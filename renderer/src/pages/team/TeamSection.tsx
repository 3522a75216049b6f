// Settings → People & roles, for a person who may manage people: the sign-in
// settings, the people and the roles, read together and re-read after every
// change (the person menu follows too: one's own name or role may have changed).
import type { ReactNode } from 'react';
import { call } from '../../api/client.js';
import { useTeam } from '../../app/team-context.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/context.js';
import { PeopleSection } from './PeopleSection.js';
import { RolesSection } from './RolesSection.js';
import { TeamSettingsSection } from './TeamSettingsSection.js';

export function TeamSection(): ReactNode {
  const { t } = useI18n();
  const team = useTeam();
  const load = useLoad(async () => {
    const [settings, people, roles] = await Promise.all([call('team.settings.get', {}), call('team.people.list', {}), call('team.roles.list', {})]);
    return { settings, people: people.people, roles: roles.roles };
  }, []);
  const meId = team?.status.person?.id ?? null;
  const changed = (): void => {
    load.reload();
    team?.refresh();
  };

  return (
    <div className="card team-card" data-testid="team-section">
      <h2>{t('team.settings.title')}</h2>
      <p className="muted">{t('team.settings.lede')}</p>
      {load.data ? (
        <>
          <TeamSettingsSection
            settings={load.data.settings}
            myPasswordSet={load.data.people.some((person) => person.id === meId && person.hasPassword)}
            onChanged={changed}
          />
          <PeopleSection people={load.data.people} roles={load.data.roles} meId={meId} signInRequired={load.data.settings.signInRequired} onChanged={changed} />
          <RolesSection roles={load.data.roles} onChanged={changed} />
        </>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </div>
  );
}
