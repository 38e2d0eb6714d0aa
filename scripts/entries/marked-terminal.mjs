export * from 'marked-terminal';
