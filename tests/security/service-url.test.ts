/**
 * Where the bot's own token may go. A stored conversation reference, an incoming activity or a
 * roster read names a serviceUrl; only the Teams connector hosts (and, in local mode, the local
 * client on loopback) get it.
 */
import {
  localServiceUrls,
  productionServiceUrls,
  TEAMS_CONNECTOR_HOSTS,
} from '../../src/server/service-url-policy';

const production = productionServiceUrls(TEAMS_CONNECTOR_HOSTS);

it.each([
  'https://smba.trafficmanager.net/emea/',
  'https://smba.trafficmanager.net/amer/',
  'https://smba.trafficmanager.net/apac/',
  'https://smba.trafficmanager.net/teams/',
  'https://SMBA.trafficmanager.net/emea/',
  'https://smba.infra.gcc.teams.microsoft.com/teams',
  'https://smba.infra.gov.teams.microsoft.us/teams',
  'https://smba.infra.dod.teams.microsoft.us/teams',
])('production allows the Teams connector %s', (url) => {
  expect(production(url)).toBe(true);
});

it.each([
  ['plain http', 'http://smba.trafficmanager.net/emea/'],
  ['a look-alike suffix', 'https://smba.trafficmanager.net.evil.example/emea/'],
  ['a look-alike prefix', 'https://evil-smba.trafficmanager.net/emea/'],
  ['userinfo before the host', 'https://smba.trafficmanager.net@evil.example/'],
  ['credentials in the URL', 'https://user:pw@smba.trafficmanager.net/emea/'],
  ['another port', 'https://smba.trafficmanager.net:8443/emea/'],
  ['loopback', 'http://127.0.0.1:56150/_connector'],
  ['not a URL', 'smba.trafficmanager.net'],
  ['the Bot Framework emulator', 'https://webchat.botframework.com/'],
])('production refuses %s', (_what, url) => {
  expect(production(url)).toBe(false);
});

it('local mode allows only the configured local client, by any loopback name', () => {
  const local = localServiceUrls('http://127.0.0.1:56150/_connector');
  expect(local('http://127.0.0.1:56150/_connector')).toBe(true);
  expect(local('http://localhost:56150/_connector')).toBe(true);
  expect(local('http://127.0.0.1:9999/_connector')).toBe(false);
  expect(local('https://smba.trafficmanager.net/emea/')).toBe(false);
  expect(local('http://attacker.example:56150/_connector')).toBe(false);
});
