import ScribeCore

/// The web app's script, served at `/assets/app.js`: live refresh over server-sent events, forms
/// sent as JSON with the page's CSRF token, notes saved as they are typed. No build step.
enum AppScript {
    static let js = #"""
        "use strict";
        const csrf = document.querySelector('meta[name=csrf-token]')?.content || '';

        async function api(method, path, body) {
          const response = await fetch(path, {
            method, credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await response.text();
          let data = null;
          try { data = text ? JSON.parse(text) : null; } catch (_) { data = null; }
          if (!response.ok) throw (data && data.error) || {message: response.status + ' ' + response.statusText};
          return data;
        }
        const formName = field => (field || '').replace(/[A-Z]/g, c => '_' + c.toLowerCase());
        const errorText = error => (error.field ? formName(error.field) + ': ' : '') + error.message;
        function say(element, text, bad) {
          if (!element) return;
          element.textContent = text;
          element.classList.toggle('error', !!bad);
        }
        function onChange(callback) {
          const status = document.querySelector('#live-status');
          if (!window.EventSource) { setInterval(callback, 3000); return; }
          let events = null;
          const open = () => {
            if (events) return;
            events = new EventSource('/api/stream');
            events.addEventListener('change', callback);
            events.onopen = () => status && status.classList.add('on');
            events.onerror = () => status && status.classList.remove('on');
          };
          const close = () => {
            if (!events) return;
            events.close();
            events = null;
            if (status) status.classList.remove('on');
          };
          // A browser gives a server six connections at most: a stream is held only while its page is
          // shown, so background tabs and pages kept for the Back button do not use them all up.
          document.addEventListener('visibilitychange', () => { if (document.hidden) close(); else { open(); callback(); } });
          window.addEventListener('pagehide', close);
          window.addEventListener('pageshow', event => { if (event.persisted) { open(); callback(); } });
          if (!document.hidden) open();
        }
        function localTimes(root) {
          for (const time of (root || document).querySelectorAll('time[datetime]')) {
            const date = new Date(time.getAttribute('datetime'));
            if (!isNaN(date)) time.textContent = date.toLocaleString([], {dateStyle: 'medium', timeStyle: 'short'});
          }
        }
        localTimes();

        // The call history: rows refresh when anything changes; a call of mine that just ended opens
        // its log form when my settings say so.
        const callsTable = document.querySelector('table#calls');
        if (callsTable) {
          const popUp = document.body.dataset.popup === '1';
          // Calls still going are not "known": when one ends, it is just-ended.
          const ended = rows => rows.filter(row => row.dataset.inProgress !== '1').map(row => row.dataset.logId);
          let known = new Set(ended([...callsTable.querySelectorAll('tr.call')]));
          onChange(async () => {
            const url = new URL(location.href);
            url.searchParams.set('fragment', 'rows');
            const response = await fetch(url, {credentials: 'same-origin'});
            if (!response.ok) return;
            callsTable.tBodies[0].innerHTML = await response.text();
            localTimes(callsTable);
            const rows = [...callsTable.querySelectorAll('tr.call')];
            const fresh = rows.find(row => !known.has(row.dataset.logId) && row.dataset.mine === '1' && row.dataset.inProgress !== '1'
              && ['observed', 'waiting'].includes(row.dataset.state));
            known = new Set(ended(rows));
            if (popUp && fresh) location.href = '/calls/' + fresh.dataset.logId;
          });
        }

        // One call: the log form, retry, the countdown, and the state as it changes.
        const logForm = document.querySelector('form#log-form');
        if (logForm) {
          const id = logForm.dataset.logId;
          const status = document.querySelector('#form-status');
          async function refresh() {
            const detail = await api('GET', '/api/logs/' + encodeURIComponent(id));
            const chip = document.querySelector('#state .chip');
            chip.textContent = detail.log.state;
            chip.className = 'chip ' + detail.log.state;
            say(document.querySelector('#explanation'), detail.log.explanation);
            const timeline = document.querySelector('#timeline');
            timeline.replaceChildren(...detail.timeline.map(event => {
              const item = document.createElement('li');
              const time = document.createElement('time');
              time.setAttribute('datetime', event.at);
              time.textContent = new Date(event.at).toLocaleTimeString();
              item.append(time, ' ', event.message);
              return item;
            }));
            if (detail.log.state === 'logged') say(status, 'Logged');
            if (detail.log.state === 'failed') say(status, detail.log.explanation, true);
            return detail.log.state;
          }
          logForm.addEventListener('submit', async event => {
            event.preventDefault();
            const form = new FormData(logForm);
            const body = {};
            for (const key of ['notes', 'subject', 'disposition']) if (form.get(key)) body[key] = form.get(key);
            const contact = form.get('contact');
            if (contact === '__new') body.newContactName = form.get('newContactName') || '';
            else if (contact) {
              body.contactId = contact;
              const chosen = logForm.querySelector('input[name=contact]:checked');
              if (chosen && chosen.dataset.name) body.contactName = chosen.dataset.name;
            }
            if (form.get('relatedRecordId')) body.relatedRecordId = form.get('relatedRecordId');
            const customFields = {};
            for (const [name, value] of form.entries()) {
              if (name.startsWith('custom:') && String(value).trim() !== '') customFields[name.slice(7)] = String(value);
            }
            if (Object.keys(customFields).length) body.customFields = customFields;
            say(status, 'Logging…');
            try {
              await api('POST', '/api/logs/' + encodeURIComponent(id) + '/log', body);
              for (let i = 0; i < 60; i++) {
                const state = await refresh();
                if (state === 'logged' || state === 'failed' || state === 'skipped') break;
                await new Promise(resolve => setTimeout(resolve, 1000));
              }
            } catch (error) { say(status, errorText(error), true); }
          });
          // The deal picker: the open deals of the contact known or being chosen, "No deal" first.
          const dealPicker = logForm.querySelector('select[name=relatedRecordId]');
          async function loadDeals() {
            if (!dealPicker || dealPicker.disabled) return;
            const contact = new FormData(logForm).get('contact');
            const kept = dealPicker.value;
            let records = [];
            if (contact !== '__new') {
              const query = contact ? '?contactId=' + encodeURIComponent(contact) : '';
              try { records = (await api('GET', '/api/logs/' + encodeURIComponent(id) + '/related' + query)).relatedRecords; }
              catch (error) { records = []; }
            }
            const none = document.createElement('option');
            none.value = '';
            none.textContent = 'No deal';
            dealPicker.replaceChildren(none, ...records.map(record => {
              const option = document.createElement('option');
              option.value = record.id;
              option.textContent = record.name || record.id;
              return option;
            }));
            dealPicker.value = records.some(record => record.id === kept) ? kept : '';
          }
          logForm.querySelectorAll('input[name=contact]').forEach(input => input.addEventListener('change', loadDeals));
          loadDeals();
          // Finding a contact by name: each one found becomes a choice above "Create a contact".
          const searchInput = logForm.querySelector('#contact-search');
          if (searchInput) {
            const searchStatus = logForm.querySelector('#contact-search-status');
            async function findByName() {
              const name = searchInput.value.trim();
              if (name.length < \#(Contact.minimumNameQueryLength)) { say(searchStatus, 'Type at least \#(Contact.minimumNameQueryLength) letters of the name.', true); return; }
              say(searchStatus, 'Looking…');
              let contacts;
              try { contacts = (await api('GET', '/api/contacts?name=' + encodeURIComponent(name))).contacts; }
              catch (error) { say(searchStatus, errorText(error), true); return; }
              const create = logForm.querySelector('input[name=contact][value="__new"]').closest('label');
              const listed = new Set([...logForm.querySelectorAll('input[name=contact]')].map(input => input.value));
              let first = null;
              for (const contact of contacts) {
                if (listed.has(contact.id)) continue;
                const label = document.createElement('label');
                label.className = 'choice found';
                const radio = document.createElement('input');
                radio.type = 'radio';
                radio.name = 'contact';
                radio.value = contact.id;
                radio.dataset.name = contact.name;
                radio.addEventListener('change', loadDeals);
                label.append(radio, ' ' + contact.name + (contact.kind === 'lead' ? ' (lead)' : ''));
                create.before(label);
                first = first || radio;
              }
              if (first) { first.checked = true; loadDeals(); }
              say(searchStatus, contacts.length === 0 ? 'Nobody in the CRM is called "' + name + '".'
                : contacts.length + (contacts.length === 1 ? ' contact found.' : ' contacts found.'));
            }
            logForm.querySelector('#contact-search-go').addEventListener('click', findByName);
            searchInput.addEventListener('keydown', event => { if (event.key === 'Enter') { event.preventDefault(); findByName(); } });
          }
          // The CRM's own dispositions, when it has a list: the free-text input becomes a picker of its labels.
          (async () => {
            let answer;
            try { answer = await api('GET', '/api/logs/' + encodeURIComponent(id) + '/dispositions'); }
            catch (error) { return; }
            const input = logForm.querySelector('input[name=disposition]');
            if (!input || !answer.supported || !answer.dispositions.length) return;
            const picker = document.createElement('select');
            picker.name = 'disposition';
            const none = document.createElement('option');
            none.value = '';
            none.textContent = '—';
            picker.append(none, ...answer.dispositions.map(choice => {
              const option = document.createElement('option');
              option.value = choice.label;
              option.textContent = choice.label;
              return option;
            }));
            picker.value = answer.dispositions.some(choice => choice.label === input.value) ? input.value : '';
            input.replaceWith(picker);
          })();
          // The CRM's custom fields of call records, as inputs named custom:<key>; hidden when there are none.
          const customBox = logForm.querySelector('#custom-fields');
          (async () => {
            let fields = [];
            try { fields = (await api('GET', '/api/logs/' + encodeURIComponent(id) + '/fields')).customFields; }
            catch (error) { return; }
            for (const field of fields) {
              const label = document.createElement('label');
              let input;
              if (field.kind === 'choice') {
                input = document.createElement('select');
                const none = document.createElement('option');
                none.value = '';
                none.textContent = '—';
                input.append(none, ...field.options.map(choice => {
                  const option = document.createElement('option');
                  option.value = choice.value;
                  option.textContent = choice.label;
                  return option;
                }));
              } else {
                input = document.createElement('input');
                if (field.kind === 'number') { input.type = 'number'; input.step = 'any'; }
              }
              input.name = 'custom:' + field.key;
              label.append(field.label + ' ', input);
              customBox.append(label);
            }
            customBox.hidden = fields.length === 0;
          })();
          document.querySelector('#retry')?.addEventListener('click', async () => {
            try { await api('POST', '/api/logs/' + encodeURIComponent(id) + '/retry'); say(status, 'Trying again…'); await refresh(); }
            catch (error) { say(status, errorText(error), true); }
          });
          const countdown = document.querySelector('#countdown');
          if (countdown) {
            const deadline = new Date(countdown.dataset.deadline);
            const tick = () => {
              const left = Math.max(0, Math.round((deadline - new Date()) / 1000));
              countdown.textContent = left > 0 ? 'Logs automatically in ' + left + ' s' : 'Logging…';
            };
            tick();
            setInterval(tick, 1000);
          }
          onChange(() => refresh().catch(() => {}));
        }

        // Live notes: each box saves half a second after the last keystroke.
        const liveList = document.querySelector('ul#live-calls');
        if (liveList) {
          // While the call lasts, saves are drafts; once it has ended they are final, so the notes are
          // logged with the call at once instead of waiting for a Save that this page has no need of.
          async function save(item, box, state) {
            say(state, 'Saving…');
            const path = '/api/calls/' + encodeURIComponent(item.dataset.sessionId) + '/extensions/' + encodeURIComponent(item.dataset.extensionId) + '/notes';
            try { await api('PUT', path, {text: box.value, final: item.classList.contains('ended')}); say(state, 'Saved'); }
            catch (error) { say(state, errorText(error), true); }
          }
          function bind(item) {
            const box = item.querySelector('textarea.live-notes');
            const state = item.querySelector('.save-state');
            let timer = null;
            item.saveNow = () => { clearTimeout(timer); return save(item, box, state); };
            box.addEventListener('input', () => {
              say(state, 'Typing…');
              clearTimeout(timer);
              timer = setTimeout(() => save(item, box, state), 500);
            });
          }
          liveList.querySelectorAll('li.live-call').forEach(bind);
          onChange(async () => {
            const live = await api('GET', '/api/live');
            for (const item of liveList.querySelectorAll('li.live-call')) {
              const call = live.calls.find(call => call.sessionId === item.dataset.sessionId && call.extensionId === item.dataset.extensionId);
              if (call) {
                item.querySelector('.call-state').textContent = call.answered ? 'talking' : 'ringing';
              } else if (!item.classList.contains('ended')) {
                item.classList.add('ended');
                item.querySelector('.call-state').textContent = 'ended — the notes are logged with the call';
                if (item.querySelector('textarea.live-notes').value.trim()) item.saveNow();
              }
            }
            for (const call of live.calls) {
              if (liveList.querySelector(`li.live-call[data-session-id="${CSS.escape(call.sessionId)}"][data-extension-id="${CSS.escape(call.extensionId)}"]`)) continue;
              const item = document.createElement('li');
              item.className = 'live-call';
              item.dataset.sessionId = call.sessionId;
              item.dataset.extensionId = call.extensionId;
              const who = document.createElement('div');
              who.className = 'who';
              const name = document.createElement('strong');
              name.textContent = call.counterpart;
              const state = document.createElement('span');
              state.className = 'call-state';
              state.textContent = call.answered ? 'talking' : 'ringing';
              who.append(call.direction === 'Inbound' ? '↙ ' : '↗ ', name, ' ', state);
              const box = document.createElement('textarea');
              box.className = 'live-notes';
              box.rows = 5;
              box.placeholder = 'Notes for this call';
              const saved = document.createElement('span');
              saved.className = 'save-state';
              item.append(who, box, saved);
              liveList.prepend(item);
              bind(item);
            }
            document.querySelector('#no-live-calls').hidden = liveList.children.length > 0;
          });
        }

        // Settings: the eight choices, from the form's snake-case names to the API's fields.
        function readSettings(form, prefix) {
          const value = name => form.elements[prefix + name];
          const settings = {};
          const enabled = name => value(name) && !(value(name).disabled ?? (value(name)[0] && value(name)[0].disabled));
          if (enabled('auto_log')) settings.autoLog = value('auto_log').checked;
          if (enabled('pop_up_after_call')) settings.popUpAfterCall = value('pop_up_after_call').checked;
          if (enabled('countdown_seconds')) {
            const seconds = value('countdown_seconds').value.trim();
            settings.countdownSeconds = /^[0-9]+$/.test(seconds) ? Number(seconds) : seconds;
          }
          if (enabled('mode')) settings.mode = value('mode').value;
          if (enabled('create_when')) settings.createWhen = value('create_when').value;
          const fields = [...form.querySelectorAll(`input[name="${prefix}logged_fields"]`)];
          if (fields.length && !fields[0].disabled) settings.loggedFields = fields.filter(box => box.checked).map(box => box.value);
          if (enabled('date_format')) settings.dateFormat = value('date_format').value;
          if (enabled('time_zone')) settings.timeZone = value('time_zone').value;
          return settings;
        }
        const passwordForm = document.querySelector('form#password');
        passwordForm?.addEventListener('submit', async event => {
          event.preventDefault();
          const status = document.querySelector('#password-status');
          const fields = passwordForm.elements;
          if (fields.newPassword.value !== fields.confirmPassword.value) { say(status, 'The new passwords differ', true); return; }
          try {
            await api('PUT', '/api/me/password', {currentPassword: fields.currentPassword.value, newPassword: fields.newPassword.value});
            passwordForm.reset();
            say(status, 'Password changed');
          } catch (error) { say(status, errorText(error), true); }
        });
        const settingsForm = document.querySelector('form#settings');
        settingsForm?.addEventListener('submit', async event => {
          event.preventDefault();
          const status = document.querySelector('#settings-status');
          try { await api('PUT', '/api/settings', readSettings(settingsForm, '')); say(status, 'Saved'); }
          catch (error) { say(status, errorText(error), true); }
        });

        // Admin: the account's policy, people, coverage and backfill.
        const accountForm = document.querySelector('form#account-settings');
        if (accountForm) {
          accountForm.addEventListener('submit', async event => {
            event.preventDefault();
            const status = document.querySelector('#account-status');
            const owners = {};
            for (const input of accountForm.querySelectorAll('input[name^="owner_"]')) if (input.value.trim()) owners[input.name.slice(6)] = input.value.trim();
            const camel = name => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
            const body = {
              serverLogging: accountForm.elements.server_logging.checked,
              trial: accountForm.elements.trial.checked,
              defaults: readSettings(accountForm, 'default_'),
              locked: [...accountForm.querySelectorAll('input[name=lock]:checked')].map(box => camel(box.value)),
              blockedNumbers: accountForm.elements.blocked_numbers.value.split('\n').map(line => line.trim()).filter(Boolean),
              crmOwners: owners,
            };
            try { await api('PUT', '/api/admin/settings', body); say(status, 'Saved'); }
            catch (error) { say(status, errorText(error), true); }
          });
          const addUser = document.querySelector('form#add-user');
          addUser.addEventListener('submit', async event => {
            event.preventDefault();
            const form = new FormData(addUser);
            const body = Object.fromEntries(form.entries());
            if (!body.extensionId) delete body.extensionId;
            try { await api('POST', '/api/admin/users', body); location.reload(); }
            catch (error) { say(document.querySelector('#add-user-status'), errorText(error), true); }
          });
          // People: role and phone user are saved as they are picked.
          for (const row of document.querySelectorAll('table#users tr.user')) {
            const id = encodeURIComponent(row.dataset.userId);
            const status = row.querySelector('.user-status');
            for (const select of row.querySelectorAll('select')) {
              select.addEventListener('change', async () => {
                try { await api('PATCH', '/api/admin/users/' + id, {[select.name]: select.value}); say(status, 'Saved'); }
                catch (error) { say(status, errorText(error), true); }
              });
            }
            row.querySelector('button.reset-password').addEventListener('click', async () => {
              const input = row.querySelector('input[name=newPassword]');
              try { await api('PUT', '/api/admin/users/' + id + '/password', {newPassword: input.value}); input.value = ''; say(status, 'Password set'); }
              catch (error) { say(status, errorText(error), true); }
            });
            row.querySelector('button.remove-user')?.addEventListener('click', async () => {
              if (!confirm('Remove ' + row.dataset.email + '? Their calls stay.')) return;
              try { await api('DELETE', '/api/admin/users/' + id); row.remove(); }
              catch (error) { say(status, errorText(error), true); }
            });
          }
          drawCoverage();
          const backfill = document.querySelector('form#backfill');
          backfill.addEventListener('submit', async event => {
            event.preventDefault();
            const form = new FormData(backfill);
            const status = document.querySelector('#backfill-status');
            const body = {since: form.get('since')};
            if (form.get('until')) body.until = form.get('until');
            try { await api('POST', '/api/backfill', body); followBackfill(); }
            catch (error) { say(status, errorText(error), true); }
          });
          followBackfill();
        }
        async function drawCoverage() {
          const svg = document.querySelector('#coverage-chart');
          let report;
          try { report = await api('GET', '/api/coverage'); } catch (error) { return; }
          const days = (report.days || []).slice(-30);
          const states = [['logged', '#16a34a'], ['pending', '#2563eb'], ['failed', '#dc2626'], ['skipped', '#d97706']];
          const most = Math.max(1, ...days.map(day => states.reduce((sum, [state]) => sum + (day[state] || 0), 0)));
          const width = 100 / Math.max(days.length, 1);
          const parts = [];
          days.forEach((day, index) => {
            let y = 150;
            for (const [state, color] of states) {
              const height = 140 * (day[state] || 0) / most;
              y -= height;
              parts.push(`<rect x="${index * width + 0.5}%" y="${y}" width="${width - 1}%" height="${height}" fill="${color}"><title>${day.date} ${state}: ${day[state] || 0}</title></rect>`);
            }
          });
          svg.innerHTML = parts.join('');
          const reasons = document.querySelector('#coverage-reasons');
          const totals = report.totals || {};
          const why = Object.assign({}, totals.skipReasons || {}, totals.failureCodes || {});
          reasons.replaceChildren(...Object.entries(why).map(([reason, count]) => {
            const item = document.createElement('li');
            item.textContent = reason + ': ' + count;
            return item;
          }));
        }
        async function followBackfill() {
          const bar = document.querySelector('#backfill-progress');
          const status = document.querySelector('#backfill-status');
          for (;;) {
            let progress;
            try { progress = await api('GET', '/api/backfill'); } catch (error) { return; }
            if (!progress || !progress.state || progress.state === 'idle') return;
            bar.value = Math.round(100 * (progress.fraction || 0));
            if (progress.state === 'done') { bar.value = 100; drawCoverage(); }
            say(status, progress.message || progress.state, progress.state === 'failed');
            if (progress.state !== 'running') return;
            await new Promise(resolve => setTimeout(resolve, 1000));
          }
        }
        """#
}
