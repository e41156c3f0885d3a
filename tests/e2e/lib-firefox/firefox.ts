/**
 * firefox — launch Debian's firefox-esr headless with WebDriver BiDi, in a throwaway profile that contacts nothing
 * but 127.0.0.1.
 *
 * What: `launchFirefox()` writes a profile (user.js below), starts a recording "dead-end" proxy on 127.0.0.1,
 * spawns `firefox-esr --headless --remote-debugging-port=<free port> --profile <tmp>` in its own process group,
 * waits for "WebDriver BiDi listening on ws://…" and returns the BiDi URL. `kill()` ends the whole process group
 * (SIGTERM, then SIGKILL after 3 s), closes the proxy and removes the profile; it is safe to call twice.
 * Network: the prefs switch off every background service (updates, telemetry, normandy, remote settings, safe
 * browsing, push, pocket, captive portal, connectivity checks, DoH, prefetch, GMP, geolocation, region, ML and
 * translation models...). As a second barrier, all proxiable traffic goes to a local proxy that answers 403 to
 * everything and records the target: `proxied()` lists what Firefox tried to reach, so a test can assert that
 * nothing did. 127.0.0.1 itself bypasses the proxy (network.proxy.no_proxies_on).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s: NetServer = createNetServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });
}

/** Everything that would make Firefox talk to anything but 127.0.0.1 by itself, switched off. */
export function userJs(proxyPort: number, extra: Record<string, string | number | boolean> = {}): string {
  const prefs: Record<string, string | number | boolean> = {
    // first run, start page, new tab
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': '',
    'startup.homepage_welcome_url.additional': '',
    'browser.aboutwelcome.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.newtab.preload': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.newtabpage.activity-stream.showSponsored': false,
    'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
    'browser.newtabpage.activity-stream.default.sites': '',
    'browser.shell.checkDefaultBrowser': false,
    'browser.tabs.warnOnClose': false,
    'datareporting.policy.firstRunURL': '',
    'browser.uitour.enabled': false,
    // updates (application, add-ons, system add-ons, search engines, GMP plugins)
    'app.update.auto': false,
    'app.update.enabled': false,
    'app.update.disabledForTesting': true,
    'app.update.checkInstallTime': false,
    'app.update.url': '',
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.systemAddon.update.url': '',
    'extensions.getAddons.cache.enabled': false,
    'extensions.getAddons.discovery.api_url': '',
    'extensions.getAddons.get.url': '',
    'extensions.getAddons.search.browseURL': '',
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.recommendations.themeRecommendationUrl': '',
    'extensions.blocklist.enabled': false,
    'extensions.abuseReport.enabled': false,
    'browser.search.update': false,
    'media.gmp-manager.url': '',
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-gmpopenh264.autoupdate': false,
    'media.gmp-widevinecdm.enabled': false,
    'media.gmp-widevinecdm.autoupdate': false,
    'media.eme.enabled': false,
    // telemetry, studies, normandy, crash reports, pings
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.updatePing.enabled': false,
    'toolkit.telemetry.bhrPing.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'toolkit.coverage.endpoint.base': '',
    'toolkit.coverage.opt-out': true,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.usage.uploadEnabled': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'nimbus.enabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.crashReports.unsubmittedCheck.enabled': false,
    'breakpad.reportURL': '',
    'browser.tabs.crashReporting.sendReport': false,
    'dom.security.unexpected_system_load_telemetry_enabled': false,
    'network.trr.confirmation_telemetry_enabled': false,
    // remote settings (blocklists, CRLite, intermediates, suggestions...): point them at nothing
    'services.settings.server': 'http://127.0.0.1:9/v1',
    'services.settings.poll_interval': 86400 * 365,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'security.OCSP.enabled': 0,
    'security.certerrors.mitm.priming.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.geoip.url': '',
    // safe browsing and tracking-protection list updates
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.downloads.remote.url': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.google.gethashURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google4.gethashURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.mozilla.gethashURL': '',
    'browser.safebrowsing.update.enabled': false,
    'privacy.trackingprotection.enabled': false,
    'privacy.trackingprotection.pbmode.enabled': false,
    'browser.contentblocking.category': 'custom',
    // push, sync, accounts, pocket, suggestions, translations, local ML models
    'dom.push.enabled': false,
    'dom.push.connection.enabled': false,
    'dom.push.serverURL': '',
    'identity.fxaccounts.enabled': false,
    'services.sync.engine.addons': false,
    'extensions.pocket.enabled': false,
    'browser.urlbar.quicksuggest.enabled': false,
    'browser.urlbar.suggest.quicksuggest.sponsored': false,
    'browser.urlbar.suggest.quicksuggest.nonsponsored': false,
    'browser.urlbar.speculativeConnect.enabled': false,
    'browser.search.suggest.enabled': false,
    'browser.translations.enable': false,
    'browser.translations.automaticallyPopup': false,
    'browser.ml.enable': false,
    'browser.ml.chat.enabled': false,
    'extensions.screenshots.disabled': true,
    'browser.discovery.enabled': false,
    'browser.vpn_promo.enabled': false,
    'geo.enabled': false,
    'geo.provider.network.url': '',
    'geo.provider.use_geoclue': false,
    'browser.places.speculativeConnect.enabled': false,
    // captive portal, connectivity checks, DNS over HTTPS, prefetching and speculative connections
    'network.captive-portal-service.enabled': false,
    'captivedetect.canonicalURL': '',
    'network.connectivity-service.enabled': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.dns.disablePrefetchFromHTTPS': true,
    'network.dns.disableIPv6': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.predictor.enable-prefetch': false,
    'network.http.speculative-parallel-limit': 0,
    'browser.send_pings': false,
    // second barrier: everything proxiable goes to the local recording proxy; 127.0.0.1 goes direct
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.socks_remote_dns': true,
    // temporary add-ons (webExtension.install) and quiet, quick shutdown
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 5,
    'browser.sessionstore.resume_from_crash': false,
    'browser.sessionstore.max_resumed_crashes': 0,
    'toolkit.startup.max_resumed_crashes': -1,
    'dom.disable_open_during_load': false,
    'browser.warnOnQuit': false,
    ...extra,
  };
  return (
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n') + '\n'
  );
}

export interface RecordingProxy {
  port: number;
  /** Targets Firefox asked the proxy for: "GET http://host/path" or "CONNECT host:443". */
  seen: string[];
  close(): Promise<void>;
}

/** A proxy that forwards nothing: it records each request or CONNECT and refuses it. */
export function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: string[] = [];
  const server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    res.end('blocked by the test proxy');
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ok({
        port,
        seen,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

export interface FirefoxProcess {
  wsUrl: string;
  pid: number;
  profile: string;
  proxy: RecordingProxy;
  /** Firefox's stdout and stderr so far (for diagnostics). */
  log(): string;
  kill(): Promise<void>;
}

export interface LaunchOptions {
  executable?: string;
  startTimeoutMs?: number;
  /** More prefs for user.js (they override the defaults above). */
  prefs?: Record<string, string | number | boolean>;
  /** More command-line arguments (e.g. '--remote-allow-system-access'). */
  args?: string[];
}

export async function launchFirefox(opts: LaunchOptions = {}): Promise<FirefoxProcess> {
  const executable = opts.executable ?? FIREFOX;
  const proxy = await startRecordingProxy();
  const profile = await mkdtemp(join(tmpdir(), 'mirage-firefox-'));
  await writeFile(join(profile, 'user.js'), userJs(proxy.port, opts.prefs));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    executable,
    ['--headless', '--no-remote', `--remote-debugging-port=${port}`, '--remote-allow-hosts=127.0.0.1', '--profile', profile, ...(opts.args ?? []), 'about:blank'],
    {
      detached: true, // own process group: kill() reaches the content processes too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_AUTO_SAFE_MODE: '1', MOZ_HEADLESS: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let killed = false;
  const kill = async () => {
    if (killed) return;
    killed = true;
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const hard = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 3_000);
      await exited;
      clearTimeout(hard);
    }
    await proxy.close();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  };

  try {
    const wsUrl = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`Firefox did not start BiDi within ${opts.startTimeoutMs ?? 30_000} ms:\n${output}`)), opts.startTimeoutMs ?? 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!.replace(/\/$/, '') + '/session');
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`Firefox exited early (${code ?? signal}):\n${output}`));
      });
      child.once('error', (e) => {
        clearTimeout(timer);
        fail(e);
      });
    });
    return { wsUrl, pid: child.pid!, profile, proxy, log: () => output, kill };
  } catch (e) {
    await kill();
    throw e;
  }
}
