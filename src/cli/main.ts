/**
 * The command line: the only place that reads argv, writes to the terminal or sets the exit
 * code. Each command's module is loaded only when that command runs.
 */
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../util/errors.js';
import { langFrom, usageMessage } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
import { FORMAT_INFO } from '../report/names.js';
import { VERSION } from '../version.js';
import { commanderError, swedishHelp } from './commander-sv.js';
import { checkFooter, docsFooter, programFooter } from './help-text.js';
import { defaultIo, guardStream, type Io } from './io.js';

export { guardStream, writeRaw, useColor, type Io } from './io.js';

function argvLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return langFrom(v) ?? langFrom(env.QM_LANG) ?? 'sv';
}

// No default: commander would print `(default: [])` in the help.
const collect = (value: string, previous: string[] = []) => [...previous, value];

export async function main(argv: string[], givenIo: Io = defaultIo()): Promise<number> {
  // Everything qm prints may end up in a CI log: no line of it may be read as a runner's command.
  const io: Io = { ...givenIo, stdout: guardStream(givenIo.stdout), stderr: guardStream(givenIo.stderr) };
  const lang = argvLang(argv, io.env);
  const debug = argv.includes('--debug');
  const program = new Command();
  const sv = (svText: string, enText: string) => (lang === 'en' ? enText : svText);
  let code = 0;
  program
    .name('qm')
    .description(
      lang === 'en'
        ? 'Check and compile Quality Mark applications (Svenska Stadskärnor).'
        : 'Kontrollera och sammanställ ansökningar om Quality Mark (Svenska Stadskärnor).',
    )
    .version(VERSION, '-V, --version', sv('visa versionen', 'output the version number'))
    .helpOption('-h, --help', sv('visa hjälpen', 'display help for command'))
    .helpCommand(sv('help [kommando]', 'help [command]'), sv('visa hjälpen för ett kommando', 'display help for command'))
    .option('--debug', sv('visa stackspår för interna fel', 'show stack traces of internal errors'))
    .option(
      sv('--lang <språk>', '--lang <lang>'),
      sv(
        'sv | en: språket qm skriver på (annars QM_LANG, annars svenska)',
        'sv | en: the language qm writes in (else QM_LANG, else Swedish)',
      ),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s) => io.stderr.write(`${commanderError(s, lang)}\n`),
    })
    .showHelpAfterError(false);
  swedishHelp(program, lang);
  program.addHelpText('after', programFooter(lang));

  const langOption = () => new Option(sv('--lang <språk>', '--lang <lang>'), sv('sv | en (eller QM_LANG)', 'sv | en (or QM_LANG)'));
  // `--lang` before or after the command (`qm --lang en check`, `qm check --lang en`): the program
  // takes it wherever it stands, so each command reads it from both.
  const withLang = <T extends { lang?: string }>(opts: T): T => ({
    ...opts,
    lang: opts.lang ?? (program.opts().lang as string | undefined),
  });

  program
    .command('check')
    .description(lang === 'en' ? 'check one or more application folders' : 'kontrollera en eller flera ansökningsmappar')
    .argument(sv('[mappar...]', '[folders...]'), sv('mappar eller mönster som kunder/* (standard: .)', 'folders or globs (default: .)'))
    .option(
      '-f, --format <format>',
      `${FORMAT_INFO.map((f) => f.name).join('|')}${sv(', eller FORMAT=FIL (kan upprepas): ', ', or FORMAT=FILE (repeatable): ')}${FORMAT_INFO.map(
        (f) => `${f.name} ${f.description[lang]}`,
      ).join('; ')}`,
      collect,
    )
    .option(
      sv('-o, --output <fil>', '-o, --output <file>'),
      sv('skriv rapporten till en fil i stället för till terminalen', 'write the report to a file instead of standard output'),
    )
    .option(sv('--date <datum>', '--date <date>'), sv('referensdatum ÅÅÅÅ-MM-DD', 'reference date YYYY-MM-DD'))
    .option('--strict', sv('underkänn även vid varningar', 'fail on warnings too'))
    .option('--quiet', sv('visa bara fel', 'print errors only'))
    .option(sv('--config <fil>', '--config <file>'), sv('qm.config.yaml att använda', 'qm.config.yaml to use'))
    .option('--watch', sv('kontrollera igen vid varje ändring tills du avbryter', 're-check on every change until interrupted'))
    .option(
      sv('--markdown-max <tecken>', '--markdown-max <chars>'),
      sv('markdown-rapportens största längd i tecken (standard 65000)', 'the most characters of the markdown report (default 65000)'),
    )
    .option(
      '--fix',
      sv(
        'rätta först stavningen (nycklar utan å ä ö, decimalkomman inom { }) i filerna',
        'first fix the spelling (keys without å ä ö, decimal commas inside { }) in the files',
      ),
    )
    .addOption(langOption())
    .addHelpText('after', checkFooter(lang))
    .action(async (folders: string[], opts) => {
      const { runCheck } = await import('./check.js');
      code = await runCheck(folders, withLang(opts), io, lang);
    });

  program
    .command('init')
    .description(lang === 'en' ? 'create an application folder from the template' : 'skapa en ansökningsmapp från mallen')
    .argument(sv('[mapp]', '[folder]'), sv('mapp (standard: .)', 'folder (default: .)'))
    .option(sv('--typ <typ>', '--typ <type>'), sv('ny | förnyelse', 'ny (new) | förnyelse (renewal)'), 'ny')
    .option(sv('--organisation <namn>', '--organisation <name>'), sv('organisationens namn', 'the organisation'))
    .option(sv('--kommun <namn>', '--kommun <name>'), sv('kommunen', 'the municipality'))
    .option('--yaml', sv('kapitlen som YAML-filer', 'chapters as YAML files'))
    .option('--force', sv('skriv över befintliga filer', 'overwrite existing files'))
    .addOption(langOption())
    .addHelpText('after', docsFooter(lang))
    .action(async (folder: string | undefined, opts) => {
      const { runInit } = await import('./init.js');
      code = await runInit(folder ?? '.', withLang(opts), io, lang);
    });

  program
    .command('pdf')
    .description(lang === 'en' ? 'compile the submission PDF' : 'sammanställ ansökans PDF')
    .argument(sv('[mapp]', '[folder]'), sv('mapp (standard: .)', 'folder (default: .)'))
    .option(
      sv('-o, --output <fil>', '-o, --output <file>'),
      sv('PDF-filen (standard: <mappens namn>.pdf)', 'the PDF file (default: <folder name>.pdf)'),
    )
    .option('--draft', sv('sammanställ trots fel, märkt UTKAST', 'compile despite errors, marked UTKAST'))
    .option(sv('--date <datum>', '--date <date>'), sv('referensdatum ÅÅÅÅ-MM-DD', 'reference date YYYY-MM-DD'))
    .option(sv('--config <fil>', '--config <file>'), sv('qm.config.yaml att använda', 'qm.config.yaml to use'))
    .addOption(langOption())
    .addHelpText('after', docsFooter(lang))
    .action(async (folder: string | undefined, opts) => {
      const { runPdf } = await import('./pdf.js');
      code = await runPdf(folder ?? '.', withLang(opts), io, lang);
    });

  program
    .command('rules')
    .description(lang === 'en' ? 'list every rule' : 'lista alla regler')
    .option('--format <format>', 'text | json', 'text')
    .addOption(langOption())
    .action(async (opts) => {
      const { runRules } = await import('./rules.js');
      code = runRules(withLang(opts), io, lang);
    });

  program
    .command('explain')
    .description(lang === 'en' ? 'explain a rule' : 'förklara en regel')
    .argument(sv('<regel>', '<rule>'), sv('regelns id, t.ex. k3/verksam-tre-ar', 'rule id, e.g. k3/verksam-tre-ar'))
    .addOption(langOption())
    .action(async (rule: string) => {
      const { runExplain } = await import('./rules.js');
      code = runExplain(rule, io, lang);
    });

  program
    .command('lsp')
    .description(
      lang === 'en'
        ? 'language server for editors (LSP over standard input/output)'
        : 'språkserver för redigerare (LSP; redigeraren startar den och talar med den)',
    )
    .option(
      '--stdio',
      sv(
        'tala med redigeraren via processens in- och utdata (standard, det enda sättet)',
        'talk over standard input/output (the default and only way)',
      ),
    )
    .option('--clientProcessId <pid>', sv('redigerarens process (avsluta när den avslutas)', 'the editor’s process (exit when it exits)'))
    .option(sv('--date <datum>', '--date <date>'), sv('referensdatum ÅÅÅÅ-MM-DD', 'reference date YYYY-MM-DD'))
    .addOption(langOption())
    .action(async (opts) => {
      const { runLsp } = await import('./lsp.js');
      code = await runLsp(withLang(opts), io);
    });

  program
    .command('schema')
    .description(lang === 'en' ? 'print or write the JSON Schemas' : 'skriv ut eller spara JSON-scheman')
    .option(sv('--out <mapp>', '--out <dir>'), sv('spara schemafilerna i den här mappen', 'write the schema files into this folder'))
    .addOption(langOption())
    .action(async (opts) => {
      const { runSchema } = await import('./schema.js');
      code = await runSchema(withLang(opts), io, lang);
    });

  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // `qm` with no command shows the help on stderr as a usage error (exit 2), not as success.
      if (e.code === 'commander.help' && e.exitCode !== 0) return 2;
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`qm: ${usageMessage(e.key, e.args, lang)}\n`);
      if (debug) io.stderr.write(`${(e as Error).stack}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr.write(`qm: ${usageMessage('internal', { message: (err?.message ?? String(e)).split('\n')[0] }, lang)}\n`);
    if (debug) io.stderr.write(`${err?.stack}\n`);
    return 2;
  }
}
