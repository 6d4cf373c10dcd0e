export type DockerfileRule =
  | 'UNPINNED_BASE'
  | 'NPM_INSTALL'
  | 'COPY_BEFORE_INSTALL'
  | 'SECRET_IN_ENV'
  | 'RUNS_AS_ROOT'
  | 'NO_HEALTHCHECK';

export interface DockerfileFinding {
  rule: DockerfileRule;
  /** 1-based line where the instruction starts. */
  line: number;
  message: string;
}

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Joins continuation lines, drops comments and blank lines, and remembers where each instruction starts. */
function parse(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: Instruction | undefined;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    // Comments and blank lines are skipped, also between the lines of one instruction.
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continues = trimmed.endsWith('\\');
    const body = continues ? trimmed.slice(0, -1) : trimmed;
    if (pending) {
      pending.args += ` ${body}`;
    } else {
      const [keyword = '', ...rest] = body.split(/\s+/);
      pending = { keyword: keyword.toUpperCase(), args: rest.join(' '), line: index + 1 };
    }
    if (!continues) {
      instructions.push(pending);
      pending = undefined;
    }
  });
  if (pending) instructions.push(pending);
  return instructions;
}

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|API_KEY/i;

/** Every problem in a Dockerfile, ordered by line. */
export function lintDockerfile(text: string): DockerfileFinding[] {
  const instructions = parse(text);
  const findings: DockerfileFinding[] = [];
  const add = (rule: DockerfileRule, line: number, message: string) => findings.push({ rule, line, message });
  const stages: string[] = [];
  let finalFrom: Instruction | undefined;
  let stageStart = 0;

  instructions.forEach((instruction, i) => {
    const { keyword, args, line } = instruction;
    if (keyword === 'FROM') {
      finalFrom = instruction;
      stageStart = i;
      const words = args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const image = words[0] ?? '';
      const alias = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
      const earlierStage = stages.includes(image.toLowerCase());
      if (alias) stages.push(alias.toLowerCase());
      if (image === 'scratch' || earlierStage || image.includes('@sha256:')) return;
      const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : '';
      if (tag === '' || tag === 'latest' || tag.includes('/')) add('UNPINNED_BASE', line, `pin ${image} to a version tag`);
      return;
    }
    if (keyword === 'RUN' && /\bnpm\s+(install|i)\b/.test(args)) {
      add('NPM_INSTALL', line, 'use npm ci: it installs exactly the lock file');
    }
    if (keyword === 'COPY') {
      const sources = args
        .split(/\s+/)
        .filter((w) => !w.startsWith('--'))
        .slice(0, -1);
      const laterCi = instructions.slice(i + 1).findIndex((next) => next.keyword === 'FROM' || (next.keyword === 'RUN' && /\bnpm\s+ci\b/.test(next.args)));
      const next = laterCi >= 0 ? instructions[i + 1 + laterCi] : undefined;
      if ((sources.includes('.') || sources.includes('./')) && next?.keyword === 'RUN') {
        add('COPY_BEFORE_INSTALL', line, 'copy the package manifests and run npm ci before copying the sources');
      }
    }
    if (keyword === 'ENV' || keyword === 'ARG') {
      const names =
        keyword === 'ENV' && !args.includes('=')
          ? [args.split(/\s+/)[0] ?? '']
          : [...args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$)/g)].map((m) => m[1] ?? '');
      const secret = names.find((name) => SECRET_NAME.test(name));
      if (secret) add('SECRET_IN_ENV', line, `${secret} would be stored in the image; pass it at run time`);
    }
  });

  if (finalFrom) {
    const finalStage = instructions.slice(stageStart);
    const user = finalStage.filter((x) => x.keyword === 'USER').at(-1);
    const userName = user?.args.split(':')[0]?.trim();
    if (!user || userName === 'root' || userName === '0') {
      add('RUNS_AS_ROOT', finalFrom.line, 'the final stage runs as root; add USER with an unprivileged user');
    }
    const health = finalStage.filter((x) => x.keyword === 'HEALTHCHECK').at(-1);
    if (!health || /^NONE$/i.test(health.args.trim())) {
      add('NO_HEALTHCHECK', finalFrom.line, 'the final stage has no HEALTHCHECK');
    }
  }
  const order: DockerfileRule[] = ['UNPINNED_BASE', 'NPM_INSTALL', 'COPY_BEFORE_INSTALL', 'SECRET_IN_ENV', 'RUNS_AS_ROOT', 'NO_HEALTHCHECK'];
  return findings.sort((a, b) => a.line - b.line || order.indexOf(a.rule) - order.indexOf(b.rule));
}
