export { default } from 'conf';
